/// The annotations `unevaluatedProperties` and `unevaluatedItems` read: which members and
/// items of the current instance successful sibling keywords have evaluated.
///
/// Most evaluations never record anything, so the sets live in a lazily created box: an
/// empty value costs no allocation and no reference counting.
struct EvaluatedLocations {
    final class Storage {
        var properties: Set<String> = []
        var items: Set<Int> = []
    }

    var allProperties = false
    var allItems = false
    private var storage: Storage?

    private mutating func unique() -> Storage {
        if let storage, isKnownUniquelyReferenced(&self.storage) { return storage }
        let fresh = Storage()
        if let storage {
            fresh.properties = storage.properties
            fresh.items = storage.items
        }
        storage = fresh
        return fresh
    }

    mutating func insert(property: String) { unique().properties.insert(property) }
    mutating func insert(items indices: some Sequence<Int>) { unique().items.formUnion(indices) }

    mutating func merge(_ other: EvaluatedLocations) {
        allProperties = allProperties || other.allProperties
        allItems = allItems || other.allItems
        guard let theirs = other.storage else { return }
        let mine = unique()
        if !allProperties { mine.properties.formUnion(theirs.properties) }
        if !allItems { mine.items.formUnion(theirs.items) }
    }

    func hasEvaluated(property: String) -> Bool { allProperties || storage?.properties.contains(property) == true }
    func hasEvaluated(item: Int) -> Bool { allItems || storage?.items.contains(item) == true }
}
