# bash completion for aiterms, printed by `aiterms completion bash`.
# Offers commands, options, categories and term names in English and Chinese ("KV cache", 批量归一化),
# each quoted the way the word was begun: KV\ cache, or inside the quote you opened ("KV cache").
# aiterms itself reads what is typed ($COMP_LINE up to the cursor) and answers with the words to insert.
_aiterms_complete() {
    local line
    local -a lines=()
    while IFS= read -r line; do
        lines+=("$line")
    done < <(COMP_WORDBREAKS="$COMP_WORDBREAKS" "$1" __complete bash "${COMP_LINE:0:COMP_POINT}" 2>/dev/null)
    COMPREPLY=("${lines[@]:1}")
    if [[ ${lines[0]-} == files ]]; then
        compopt -o default 2>/dev/null  # no candidates of its own: let readline complete file names
    fi
    return 0
}
complete -F _aiterms_complete aiterms
