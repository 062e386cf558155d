// What `import Forma` brings: the types a user of extraction writes, and those the code
// `@Schema` generates names (`FormaSchema.JSONSchema`, `FormaJSON.JSONValueFields`, …).
// Everything else stays in its module: `import FormaJSON` (the tokenizer, the decoder),
// `import FormaSchema` (regular expressions, format checkers), `import FormaClient`
// (transports and raw HTTP types) when you need it.

// JSON values.
@_exported public import enum FormaJSON.JSONValue
@_exported public import struct FormaJSON.JSONObject
@_exported public import struct FormaJSON.JSONNumber
@_exported public import struct FormaJSON.JSONPointer
@_exported public import struct FormaJSON.JSONPointerError
@_exported public import struct FormaJSON.JSONParser
@_exported public import struct FormaJSON.JSONParseError
@_exported public import struct FormaJSON.JSONSerializationStyle
@_exported public import protocol FormaJSON.JSONValueDecodable
@_exported public import struct FormaJSON.JSONValueDecodingError
@_exported public import enum FormaJSON.JSONValueFields

// Schemas and validation.
@_exported public import struct FormaSchema.JSONSchema
@_exported public import protocol FormaSchema.SchemaRepresentable
@_exported public import struct FormaSchema.SchemaDefinitions
@_exported public import struct FormaSchema.SchemaProperty
@_exported public import class FormaSchema.Validator
@_exported public import struct FormaSchema.ValidationResult
@_exported public import struct FormaSchema.SchemaViolation
@_exported public import struct FormaSchema.SchemaError
@_exported public import enum FormaSchema.SchemaDraft
@_exported public import struct FormaSchema.SchemaRegistry
@_exported public import struct FormaSchema.ECMARegexError
@_exported public import struct FormaSchema.SchemaBackend
@_exported public import enum FormaSchema.KeywordSupport
@_exported public import enum FormaSchema.ProviderLint
@_exported public import struct FormaSchema.LintFinding

// Talking to providers.
@_exported public import struct FormaClient.ChatClient
@_exported public import struct FormaClient.ClientConfiguration
@_exported public import struct FormaClient.Provider
@_exported public import struct FormaClient.ProviderDialect
@_exported public import struct FormaClient.BatchAPI
@_exported public import struct FormaClient.APIKey
@_exported public import struct FormaClient.APIError
@_exported public import struct FormaClient.RetryPolicy
@_exported public import struct FormaClient.RateLimitInfo
@_exported public import struct FormaClient.HTTPHeaders
@_exported public import protocol FormaClient.Transport
@_exported public import class FormaClient.ScriptedTransport
@_exported public import struct FormaClient.ChatMessage
@_exported public import enum FormaClient.ContentPart
@_exported public import struct FormaClient.ChatRequest
@_exported public import struct FormaClient.ChatResponse
@_exported public import struct FormaClient.ChatChoice
@_exported public import struct FormaClient.ChatChunk
@_exported public import struct FormaClient.ChatChunkChoice
@_exported public import typealias FormaClient.ChatStream
@_exported public import struct FormaClient.ChatStreamAccumulator
@_exported public import struct FormaClient.ResponseStream
@_exported public import protocol FormaClient.StreamChunk
@_exported public import struct FormaClient.ResponseMetadata
@_exported public import struct FormaClient.ResponseCache
@_exported public import struct FormaClient.ResponseFormat
@_exported public import struct FormaClient.SamplingOptions
@_exported public import struct FormaClient.Tool
@_exported public import struct FormaClient.ToolCall
@_exported public import struct FormaClient.ToolCallDelta
@_exported public import enum FormaClient.ToolChoice
@_exported public import struct FormaClient.FinishReason
@_exported public import struct FormaClient.Usage
@_exported public import struct FormaClient.Logprobs
@_exported public import struct FormaClient.ModelInfo
