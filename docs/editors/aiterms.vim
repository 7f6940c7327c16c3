" aiterms in Vim: look up the AI/ML term under the cursor.
" Source it from your vimrc (`source ~/path/to/aiterms.vim`), or copy the lines you want.

" K over a word runs `aiterms WORD`: `aiterms TERM` is `aiterms show TERM`, the full entry in the terminal
" (paged when long; q returns). Put it in an ftplugin with `setlocal` to keep K's own meaning elsewhere.
set keywordprg=aiterms

" :Aiterms [TERM] shows the entry as Markdown in a preview window (gVim too); without TERM, the word under
" the cursor. <Leader>a does it for the word under the cursor, or for the selection in Visual mode (names
" with spaces: select "KV cache"). :pclose (or CTRL-W z) closes the window.
function! AitermsShow(term) abort
  let l:term = trim(empty(a:term) ? expand('<cword>') : a:term)
  if empty(l:term)
    return
  endif
  let l:lines = systemlist('aiterms show --format markdown ' . shellescape(l:term))
  if v:shell_error
    echohl WarningMsg | echomsg join(l:lines, ' ') | echohl None
    return
  endif
  silent! pclose
  botright new
  setlocal previewwindow buftype=nofile bufhidden=wipe noswapfile nobuflisted filetype=markdown
  call setline(1, l:lines)
  setlocal nomodifiable
  execute 'resize' min([len(l:lines), 20])
  wincmd p
endfunction

command! -nargs=* Aiterms call AitermsShow(<q-args>)
nnoremap <silent> <Leader>a :call AitermsShow('')<CR>
xnoremap <silent> <Leader>a "zy:call AitermsShow(@z)<CR>
