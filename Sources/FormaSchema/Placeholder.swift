import FormaJSON
