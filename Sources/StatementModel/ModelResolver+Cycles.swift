extension ModelResolver {
    /// Reporting chains, affiliations and group memberships must end: a statement reported via
    /// itself (directly or through others), an entity affiliated with itself and a group that
    /// contains itself are errors, each cycle reported once at one of its records. The walks are
    /// loops, whatever the length of the chain.
    mutating func checkCycles(_ entities: [Entity], _ statements: [Statement]) {
        // Each entity has at most one affiliation, each statement at most one `via`: chains.
        for cycle in Self.chainCycles(count: entities.count, next: { entities[$0].affiliation }) {
            let x = cycle[0]
            error("entity '\(entities[x].id)' is affiliated with itself: " + Self.shortChain(cycle.map { entities[$0].id }), marks[entities[x].id],
                  hint: "an affiliation names the organisation an entity belongs to, which is another entity")
        }
        for cycle in Self.chainCycles(count: statements.count, next: { statements[$0].reported?.via }) {
            let x = cycle[0]
            error("statement '\(statements[x].id)' is reported via itself: " + Self.shortChain(cycle.map { statements[$0].id }),
                  x < statementMarks.count ? statementMarks[x] : nil,
                  hint: "a reporting chain ends with a `by:` (who reported it) instead of another `via:`")
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

    /// The cycles of a graph where each node has at most one successor, each as its nodes from
    /// where it closes, that node again at the end (`x → y → x`); one pass, marking each path.
    static func chainCycles(count: Int, next: (Int) -> Int?) -> [[Int]] {
        var state = [UInt8](repeating: 0, count: count)   // 0 unseen, 1 on this path, 2 done
        var cycles: [[Int]] = []
        for first in 0..<count where state[first] == 0 {
            var path: [Int] = []
            var k: Int? = first
            while let x = k, state[x] == 0 {
                state[x] = 1
                path.append(x)
                k = next(x)
            }
            if let x = k, state[x] == 1, let at = path.firstIndex(of: x) { cycles.append(Array(path[at...]) + [x]) }
            for p in path { state[p] = 2 }
        }
        return cycles
    }

    /// `a → b → a`, with the middle of a long cycle left out.
    static func shortChain(_ ids: [String]) -> String {
        ids.count <= 8 ? ids.joined(separator: " → ")
            : (ids.prefix(3) + ["… \(ids.count - 6) more …"] + ids.suffix(3)).joined(separator: " → ")
    }
}
