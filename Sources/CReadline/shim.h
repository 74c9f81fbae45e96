#include <stdio.h>
#include <string.h>
#include <readline/readline.h>
#include <readline/history.h>

/* Swift 6 forbids touching readline's mutable C globals, so these tiny setters and
   getters do it on the Swift side's behalf. They are only called from the thread that
   runs readline(). */

/* Configures readline for mnist-repl: no signal handlers of its own (the application's
   SIGINT handler stays installed), our key reader and completion function, and word
   breaks that include '.', so completion replaces only the word after a dot. */
static inline void mnl_rl_configure(rl_getc_func_t *getc_fn, rl_completion_func_t *complete_fn,
                                    rl_cpvfunc_t *word_breaks_fn) {
    rl_readline_name = "mnist-repl";
    rl_catch_signals = 0;
    rl_getc_function = getc_fn;
    rl_attempted_completion_function = complete_fn;
    rl_completion_word_break_hook = word_breaks_fn;
    rl_completer_word_break_characters = " \t\n\"'`@$><=;|&{}()[]+-*/%,.:!~^?#\\";
}

/* Called at the start of each completion: no fallback to filename completion, and no
   space after a completed word (the next character is often '.', '(' or '['). */
static inline void mnl_rl_completion_begin(void) {
    rl_attempted_completion_over = 1;
    rl_completion_append_character = '\0';
}

/* The word breaks for a file path (inside a string, after :load): only spaces and quotes,
   so that the whole path, slashes and dots included, is the word being completed. */
static inline char *mnl_rl_path_breaks(void) {
    static char breaks[] = " \t\n\"'";
    return breaks;
}

/* The candidates are file paths: readline lists them by their last component, closes the
   string after a unique file, and keeps it open after a directory ("Data/"), so that the
   next Tab goes on into it. */
static inline void mnl_rl_candidates_are_paths(void) { rl_filename_completion_desired = 1; }

/* The line being edited and the cursor's byte offset in it. */
static inline const char *mnl_rl_line_buffer(void) { return rl_line_buffer; }
static inline int mnl_rl_point(void) { return rl_point; }

/* Redirects readline's terminal (used by tests that drive readline through a pty). */
static inline void mnl_rl_set_streams(FILE *in, FILE *out) {
    rl_instream = in;
    rl_outstream = out;
}

/* After Ctrl-D, readline 8.2 ends the terminal line itself only when bracketed paste is
   on; otherwise this does, so the shell's prompt starts on a line of its own. */
static inline void mnl_rl_end_line_after_eof(void) {
    const char *paste = rl_variable_value("enable-bracketed-paste");
    if (paste == NULL || strcmp(paste, "on") != 0) {
        FILE *out = rl_outstream ? rl_outstream : stdout;
        fputc('\n', out);
        fflush(out);
    }
}
