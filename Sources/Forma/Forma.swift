@_exported public import FormaClient
@_exported public import FormaJSON
@_exported public import FormaSchema
