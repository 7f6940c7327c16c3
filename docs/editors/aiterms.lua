-- aiterms in Neovim: a hover for AI/ML terms, in a floating window.
-- Save as ~/.config/nvim/lua/aiterms.lua and add `require('aiterms')` to init.lua. Neovim 0.7 or later.
--   <Leader>a   the entry of the word under the cursor (in Visual mode: of the selection, e.g. "KV cache")
--   :Aiterms [TERM]   the same for TERM
-- The float closes when the cursor moves; <Leader>a again enters it (to scroll or copy).
local M = {}

-- The entry as Markdown lines, or nil and the message aiterms printed (unknown term, did you mean...).
function M.lines(term)
  local out = vim.fn.systemlist({ 'aiterms', 'show', '--format', 'markdown', term })
  if vim.v.shell_error ~= 0 then
    return nil, table.concat(out, ' ')
  end
  return out
end

function M.hover(term)
  term = vim.trim(term or vim.fn.expand('<cword>'))
  if term == '' then
    return
  end
  local lines, err = M.lines(term)
  if not lines then
    vim.notify(err, vim.log.levels.WARN)
    return
  end
  return vim.lsp.util.open_floating_preview(lines, 'markdown', {
    border = 'rounded',
    max_width = 90,
    max_height = 30,
    focus_id = 'aiterms',
  })
end

local function selection()
  local saved = vim.fn.getreg('z')
  vim.cmd('noautocmd normal! "zy')
  local text = vim.fn.getreg('z')
  vim.fn.setreg('z', saved)
  return text
end

vim.api.nvim_create_user_command('Aiterms', function(opts)
  M.hover(opts.args ~= '' and opts.args or nil)
end, { nargs = '*', desc = 'aiterms: show a term' })
vim.keymap.set('n', '<Leader>a', function() M.hover() end, { desc = 'aiterms: the term under the cursor' })
vim.keymap.set('x', '<Leader>a', function() M.hover(selection()) end, { desc = 'aiterms: the selected term' })

return M
