#compdef aiterms
# zsh completion for aiterms, printed by `aiterms completion zsh`.
# Offers commands, options, categories and term names in English and Chinese ("KV cache", 批量归一化);
# zsh quotes what it inserts as the word was begun. aiterms itself answers, from the words before the cursor.
_aiterms() {
    local -a lines commands others match
    local line
    lines=("${(@f)$("${words[1]}" __complete zsh "${(@Q)words[2,CURRENT-1]}" "${(Q)PREFIX}" 2>/dev/null)}")
    case ${lines[1]-} in
        files) _files; return ;;
        # names that match only without spaces or hyphens ("kvc" for "KV cache"): replace the word
        loose) match=(-U) ;;
        # names that begin with the word in any case ("kv" for "KV cache")
        *) match=(-M 'm:{[:lower:][:upper:]}={[:upper:][:lower:]}') ;;
    esac
    for line in "${(@)lines[2,-1]}"; do
        case ${line%%$'\t'*} in
            command) commands+=("${line#*$'\t'}") ;;
            *) others+=("${line#*$'\t'}") ;;
        esac
    done
    (( ${#commands} )) && _describe -t commands 'aiterms command' commands "${match[@]}"
    (( ${#others} )) && _describe -t values 'term or value' others "${match[@]}"
    return 0
}

if [[ ${zsh_eval_context[-1]-} == loadautofunc ]]; then
    _aiterms "$@"  # autoloaded from $fpath
else
    compdef _aiterms aiterms  # sourced
fi
