@_exported public import FormaJSON
@_exported public import FormaSchema
