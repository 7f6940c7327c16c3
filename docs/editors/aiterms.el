;;; aiterms.el --- Look up AI/ML terms with aiterms  -*- lexical-binding: t; -*-

;; Load it from your init file, e.g.
;;   (load "~/path/to/aiterms.el")
;;   (global-set-key (kbd "C-c a") #'aiterms-show)
;; M-x aiterms-show shows the entry of the symbol at point (or of the region: "KV cache") as Markdown in
;; the *aiterms* buffer, in `markdown-mode' when it is installed; with C-u it asks for the term.
;; q closes the buffer.

;;; Code:

(defvar aiterms-program "aiterms"
  "The aiterms command.")

(defun aiterms--term-at-point ()
  "The region's text if it is active, else the symbol at point, else nil."
  (if (use-region-p)
      (string-trim (buffer-substring-no-properties (region-beginning) (region-end)))
    (thing-at-point 'symbol t)))

(defun aiterms-show (term)
  "Show the aiterms entry of TERM in the *aiterms* buffer.
Interactively, TERM is the region or the symbol at point; with a prefix
argument, or when there is neither, it is read from the minibuffer."
  (interactive
   (list (let ((here (aiterms--term-at-point)))
           (if (or current-prefix-arg (not here))
               (read-string (if here (format "Term (default %s): " here) "Term: ") nil nil here)
             here))))
  (let ((buffer (get-buffer-create "*aiterms*"))
        (errors (make-temp-file "aiterms"))
        (coding-system-for-read 'utf-8)
        status)
    (unwind-protect
        (with-current-buffer buffer
          (let ((inhibit-read-only t))
            (erase-buffer)
            (setq status (call-process aiterms-program nil (list t errors) nil
                                       "show" "--format" "markdown" term))
            (unless (eql status 0)
              (user-error "%s"
                          (string-trim (with-temp-buffer
                                         (insert-file-contents errors)
                                         (buffer-string)))))
            (goto-char (point-min))
            (if (fboundp 'markdown-mode) (markdown-mode) (text-mode))
            (view-mode 1)))
      (delete-file errors))
    (display-buffer buffer)
    buffer))

(provide 'aiterms)
;;; aiterms.el ends here
