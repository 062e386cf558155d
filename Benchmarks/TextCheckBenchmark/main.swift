// The two ways Forma's validator checks a JSON text, side by side (run by hand; never a test):
// parse into a tree, then `Validator.isValid(_:)`; or `Validator.isValid(json:)`, which
// checks the text while reading it without building the tree where the schema allows.
//
//     swift run -c release TextCheckBenchmark SCHEMA JSONL [rounds]
//
// For example, on the `forma validate` benchmark's corpus (Benchmarks/validate/run.sh
// generates it):
//
//     swift run -c release TextCheckBenchmark Benchmarks/validate/invoice.schema.json \
//         Benchmarks/.corpus/invoices-200000.jsonl 5
//
// Prints, per round, instances/s of each path and their ratio, then the medians; both
// paths must agree on every line (the run stops if they do not).
import FormaJSON
import FormaSchema
import Foundation

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    print("usage: TextCheckBenchmark SCHEMA JSONL [rounds]")
    exit(2)
}
let rounds = arguments.count > 3 ? max(1, Int(arguments[3]) ?? 5) : 5
let schemaBytes = try Array(Data(contentsOf: URL(fileURLWithPath: arguments[1])))
var options = Validator.Options()
options.formatAssertion = true
let validator = try Validator(schema: JSONSchema(JSONParser.parse(schemaBytes)), options: options)
let corpus = try Array(Data(contentsOf: URL(fileURLWithPath: arguments[2])))
var lines: [Range<Int>] = []
var start = 0
for (index, byte) in corpus.enumerated() where byte == 0x0A {
    if index > start { lines.append(start..<index) }
    start = index + 1
}
if start < corpus.count { lines.append(start..<corpus.count) }
print("\(lines.count) instances, \(corpus.count / 1_000_000) MB")

func seconds(_ body: () -> Int) -> (Double, Int) {
    let clock = ContinuousClock()
    var count = 0
    let elapsed = clock.measure { count = body() }
    return (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18, count)
}

var treeRates: [Double] = []
var textRates: [Double] = []
corpus.withUnsafeBytes { buffer in
    for round in 1...rounds {
        let (tree, treeValid) = seconds {
            lines.reduce(0) { valid, range in
                let value = try? JSONParser.parse(UnsafeRawBufferPointer(rebasing: buffer[range]))
                return valid + (value.map { validator.isValid($0) } == true ? 1 : 0)
            }
        }
        let (text, textValid) = seconds {
            lines.reduce(0) { $0 + (validator.isValid(json: UnsafeRawBufferPointer(rebasing: buffer[$1])) ? 1 : 0) }
        }
        guard treeValid == textValid else {
            print("the two paths disagree: \(treeValid) vs \(textValid) valid")
            exit(1)
        }
        treeRates.append(Double(lines.count) / tree)
        textRates.append(Double(lines.count) / text)
        print("round \(round): tree \(Int(treeRates.last!)) inst/s, text \(Int(textRates.last!)) inst/s, "
            + "ratio \(String(format: "%.2f", textRates.last! / treeRates.last!))x (\(textValid) valid)")
    }
}
func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
print("median: tree \(Int(median(treeRates))) inst/s, text \(Int(median(textRates))) inst/s, "
    + "ratio \(String(format: "%.2f", median(textRates) / median(treeRates)))x")
