# fish completion for aiterms, printed by `aiterms completion fish`.
# Offers commands, options, categories and term names in English and Chinese ("KV cache", 批量归一化);
# fish quotes what it inserts. aiterms itself answers, from the tokens before the cursor and the current one.
function __aiterms_complete
    set -l tokens (commandline -opc)
    set -l current (commandline -ct)
    set -l lines ($tokens[1] __complete fish $tokens[2..-1] "$current" 2>/dev/null)
    if test "$lines[1]" = files
        __fish_complete_path "$current"
    else
        printf '%s\n' $lines[2..-1]
    end
end
complete --command aiterms --no-files --arguments '(__aiterms_complete)'
