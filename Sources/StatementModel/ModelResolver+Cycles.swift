extension ModelResolver {
    /// Reporting chains, affiliations and group memberships must end: a statement reported via
    /// itself (directly or through others), an entity affiliated with itself and a group that
    /// contains itself are errors, each cycle reported once at one of its records. The walks are
    /// loops, whatever the length of the chain.
    mutating func checkCycles(_ entities: [Entity], _ statements: [Statement]) {
        // Each entity has at most one affiliation: followed as `via` is below.
        var seen = [UInt8](repeating: 0, count: entities.count)
        for first in entities.indices where seen[first] == 0 {
            var path: [Int] = []
            var k: Int? = first
            while let x = k, seen[x] == 0 {
                seen[x] = 1
                path.append(x)
                k = entities[x].affiliation
            }
            if let x = k, seen[x] == 1, let at = path.firstIndex(of: x) {
                let cycle = path[at...].map { entities[$0].id } + [entities[x].id]
                error("entity '\(entities[x].id)' is affiliated with itself: " + Self.shortChain(cycle), marks[entities[x].id],
                      hint: "an affiliation names the organisation an entity belongs to, which is another entity")
            }
            for p in path { seen[p] = 2 }
        }
        // Each statement has at most one `via`: follow it, marking the path.
        var state = [UInt8](repeating: 0, count: statements.count)   // 0 unseen, 1 on this path, 2 done
        for first in statements.indices where state[first] == 0 {
            var path: [Int] = []
            var k: Int? = first
            while let x = k, state[x] == 0 {
                state[x] = 1
                path.append(x)
                k = statements[x].reported?.via
            }
            if let x = k, state[x] == 1, let at = path.firstIndex(of: x) {
                let cycle = path[at...].map { statements[$0].id } + [statements[x].id]
                error("statement '\(statements[x].id)' is reported via itself: " + Self.shortChain(cycle),
                      x < statementMarks.count ? statementMarks[x] : nil,
                      hint: "a reporting chain ends with a `by:` (who reported it) instead of another `via:`")
            }
            for p in path { state[p] = 2 }
        }
        // Groups: depth-first over members with an explicit stack.
        var color = [UInt8](repeating: 0, count: entities.count)
        for root in entities.indices where color[root] == 0 && !entities[root].members.isEmpty {
            var stack: [(node: Int, next: Int)] = [(root, 0)]
            color[root] = 1
            while let top = stack.last {
                let members = entities[top.node].members
                if top.next < members.count {
                    stack[stack.count - 1].next += 1
                    let m = members[top.next]
                    if color[m] == 1 {
                        let from = stack.firstIndex { $0.node == m } ?? 0
                        let cycle = stack[from...].map { entities[$0.node].id } + [entities[m].id]
                        error("group '\(entities[m].id)' is its own member: " + Self.shortChain(cycle), marks[entities[m].id],
                              hint: "a group's members are the entities it is made of, never the group itself")
                    } else if color[m] == 0 {
                        color[m] = 1
                        stack.append((m, 0))
                    }
                } else {
                    color[top.node] = 2
                    stack.removeLast()
                }
            }
        }
    }

    /// `a → b → a`, with the middle of a long cycle left out.
    static func shortChain(_ ids: [String]) -> String {
        ids.count <= 8 ? ids.joined(separator: " → ")
            : (ids.prefix(3) + ["… \(ids.count - 6) more …"] + ids.suffix(3)).joined(separator: " → ")
    }
}
