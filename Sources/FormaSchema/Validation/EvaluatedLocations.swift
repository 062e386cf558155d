/// The annotations `unevaluatedProperties` and `unevaluatedItems` read: which members and
/// items of the current instance successful sibling keywords have evaluated.
struct EvaluatedLocations {
    var allProperties = false
    var properties: Set<String> = []
    var allItems = false
    var items: Set<Int> = []

    mutating func merge(_ other: EvaluatedLocations) {
        allProperties = allProperties || other.allProperties
        if !allProperties, !other.properties.isEmpty { properties.formUnion(other.properties) }
        allItems = allItems || other.allItems
        if !allItems, !other.items.isEmpty { items.formUnion(other.items) }
    }

    func hasEvaluated(property: String) -> Bool { allProperties || properties.contains(property) }
    func hasEvaluated(item: Int) -> Bool { allItems || items.contains(item) }
}
