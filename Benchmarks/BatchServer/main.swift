// A loopback Batch API that answers every request with the same valid reply, for
// Benchmarks/extract/scale.sh (run by hand; never a test). Prints its base URL, then serves
// until killed.
//
//     swift run -c release BatchServer [together|openai]
import FormaJSON
import FormaTestServer
import Foundation

let style: LoopbackBatchAPI.Style = CommandLine.arguments.dropFirst().first == "openai" ? .openAI : .together
var behaviour = LoopbackBatchAPI.Behaviour()
behaviour.validatingPolls = 0
behaviour.runningPolls = 0
let reply = TogetherFixtures.chatCompletion(
    content: #"{"name":"Ada Lovelace","email":"ada@example.com","age":36}"#, usage: (60, 20))
let api = LoopbackBatchAPI(style: style, behaviour: behaviour) { _, _ in reply }
let server = try TestServer(recordsRequests: false) { request in
    api.handle(request) ?? .json(reply)
}
FileHandle.standardOutput.write(Data("\(server.baseURL)\n".utf8))
while true { sleep(3600) }
