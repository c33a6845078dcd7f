import ArgumentParser

/// Shell completion scripts: swift-argument-parser's, plus a short layer for the default subcommand.
///
/// `stmt FILE` and `stmt --model M` run the default subcommand `open` without naming it, which the
/// generated scripts do not know; each layer completes such a command line as if it said `stmt open …`,
/// so its options and script paths are offered too.
enum ShellCompletion {
    /// Names that are subcommands, not the first argument of `open`.
    static var subcommands: [String] {
        Stmt.configuration.subcommands.map { $0._commandName } + ["help"]
    }

    /// The whole script for a shell, or nil for a shell swift-argument-parser does not support.
    static func script(for name: String) -> String? {
        guard let shell = CompletionShell(rawValue: name) else { return nil }
        let generated = Stmt.completionScript(for: shell)
        let names = subcommands.joined(separator: " ")
        switch shell {
        case .bash:
            return generated.replacingOccurrences(of: "complete -o filenames -F _stmt stmt", with: "") + """

            # stmt opens the REPL or runs FILE when no subcommand is named: complete such a command line
            # as `stmt open …` (the generated functions above do not know the default subcommand).
            _stmt_with_default_subcommand() {
                local subcommands=" \(names) "
                local first="${COMP_WORDS[1]}"
                if [[ "${subcommands}" != *" ${first} "* ]] && \\
                   [[ ${COMP_CWORD} -ge 2 || "${first}" == -* || "${first}" == */* || "${first}" == .* ]]; then
                    COMP_WORDS=("${COMP_WORDS[0]}" open "${COMP_WORDS[@]:1}")
                    COMP_LINE="${COMP_WORDS[0]} open${COMP_LINE#"${COMP_WORDS[0]}"}"
                    COMP_POINT=$((COMP_POINT + 5))
                    COMP_CWORD=$((COMP_CWORD + 1))
                fi
                _stmt "${1}" "${2}" "${COMP_WORDS[COMP_CWORD - 1]}"
                # A first word that names no subcommand may be a script or a model.
                if [[ ${COMP_CWORD} -eq 1 ]]; then
                    local ext
                    COMPREPLY+=($(compgen -d -- "${2}"))
                    for ext in stmt yaml yml json jsonl; do COMPREPLY+=($(compgen -f -X "!*.${ext}" -- "${2}")); done
                fi
            }
            complete -o filenames -F _stmt_with_default_subcommand stmt

            """
        case .zsh:
            let tail = """
            if [[ "${funcstack[1]}" = _stmt ]]; then
                _stmt "${@}"
            else
                compdef _stmt stmt
            fi
            """
            return generated.replacingOccurrences(of: tail, with: "") + """

            # stmt opens the REPL or runs FILE when no subcommand is named: complete such a command line
            # as `stmt open …` (the generated functions above do not know the default subcommand).
            functions -c _stmt _stmt_generated
            _stmt() {
                local -a subcommands=(\(names))
                if (( ! ${subcommands[(Ie)${words[2]}]} )) && { (( CURRENT > 2 )) || [[ ${words[2]} == (-*|*/*|.*) ]] }; then
                    words=("${words[1]}" open "${words[@]:1}")
                    (( CURRENT++ ))
                fi
                _stmt_generated "${@}"
            }
            \(tail)

            """
        case .fish:
            return generated + """

            # stmt opens the REPL or runs FILE when no subcommand is named: complete such a command line
            # as `stmt open …` (the generated functions above do not know the default subcommand).
            functions -c __stmt_tokens __stmt_tokens_generated
            function __stmt_tokens
                set -l tokens (__stmt_tokens_generated $argv)
                set -l all (__stmt_tokens_generated -p)
                if not contains -- -t $argv; and test (count $all) -ge 2; and not contains -- $all[2] \(names)
                    if test (count $all) -ge 3; or string match -q -- '-*' $all[2]; or string match -q -- '*/*' $all[2]
                        set tokens $tokens[1] open $tokens[2..]
                    end
                end
                string join \\n -- $tokens
            end

            """
        default:
            return generated
        }
    }
}
