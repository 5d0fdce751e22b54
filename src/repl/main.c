/* main.c -- the zprime executable: a Lua 5.4 interpreter with zprime preloaded, a readline
 * REPL (history, completion, help) and a script runner.
 *
 * It keeps the shape of Lua's lua.c: every chunk runs under lua_pcall with a message handler
 * that adds a traceback; a line is first tried as `return <line>` so expressions print; an
 * incomplete chunk (`<eof>` error) reads another line; SIGINT while Lua runs sets a hook that
 * raises "interrupted!" inside Lua instead of touching Lua state from the handler.  At the
 * prompt, Ctrl-C clears the line (and any pending continuation lines).
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>
#include <readline/history.h>
#include <readline/readline.h>

#include "serve.h"
#include "lzp.h"
#include "base/zp_interrupt.h"

LUAMOD_API int luaopen_zprime_core(lua_State *L);

#ifndef ZPRIME_VERSION
#define ZPRIME_VERSION "0.0.0"
#endif

static const char *progname = "zprime";
static lua_State *globalL = NULL;
static volatile sig_atomic_t prompt_interrupted = 0;
static char history_file[4096] = "";
static int in_repl = 0; /* while the REPL lives, SIGINT is never left at its default */

/* Lines kept in the history file (older ones are dropped when the REPL starts and exits). */
#define HISTORY_MAX_LINES 2000

/* ---- signals ---- */

static void lstop(lua_State *L, lua_Debug *ar)
{
    (void)ar;
    lua_sethook(L, NULL, 0, 0);
    luaL_error(L, "interrupted!");
}

static void on_signal_running(int sig)
{
    int flag = LUA_MASKCALL | LUA_MASKRET | LUA_MASKLINE | LUA_MASKCOUNT;
    if (!in_repl)
        signal(sig, SIG_DFL); /* in a script a second Ctrl-C kills the process, as in lua.c */
    zp_interrupt_request();   /* core loops that poll it stop too */
    lua_sethook(globalL, lstop, flag, 1);
}

/* Coroutines have hooks of their own: each gets a count hook that raises the interrupt there. */
static void co_stop(lua_State *L, lua_Debug *ar)
{
    (void)ar;
    if (zp_interrupt_pending())
        luaL_error(L, "interrupted!");
}

static int hook_this_coroutine(lua_State *L)
{
    lua_sethook(L, co_stop, LUA_MASKCOUNT, 1000);
    return 0;
}

/* coroutine.create/wrap(f) run f behind a first call that hooks the new coroutine. */
static const char *const hook_coroutines_lua =
    "local hook, create, wrap = ...\n"
    "local function hooked(f)\n"
    "  if type(f) ~= 'function' then return f end\n"
    "  return function(...) hook() return f(...) end\n"
    "end\n"
    "coroutine.create = function(f) return create(hooked(f)) end\n"
    "coroutine.wrap = function(f) return wrap(hooked(f)) end\n";

static int hook_coroutines(lua_State *L)
{
    if (luaL_loadstring(L, hook_coroutines_lua) != LUA_OK)
        return LUA_ERRSYNTAX;
    lua_pushcfunction(L, hook_this_coroutine);
    lua_getglobal(L, "coroutine");
    lua_getfield(L, -1, "create");
    lua_getfield(L, -2, "wrap");
    lua_remove(L, -3);
    return lua_pcall(L, 3, 0, 0);
}

/* Between commands of the REPL: Ctrl-C only marks the prompt as interrupted. */
static void on_signal_prompt(int sig);
static void restore_idle_handler(int sig)
{
    if (in_repl) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_signal_prompt;
        sigemptyset(&sa.sa_mask);
        sigaction(sig, &sa, NULL);
    } else {
        signal(sig, SIG_DFL);
    }
}

static void on_signal_prompt(int sig)
{
    (void)sig;
    prompt_interrupted = 1;
}

static void set_handler(int sig, void (*h)(int))
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = h;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0; /* no SA_RESTART: read() at the prompt returns EINTR */
    sigaction(sig, &sa, NULL);
}

/* ---- running chunks ---- */

static void l_message(const char *msg)
{
    fprintf(stderr, "%s: %s\n", progname, msg);
    fflush(stderr);
}

static int report(lua_State *L, int status)
{
    if (status != LUA_OK) {
        const char *msg = lua_tostring(L, -1);
        l_message(msg ? msg : "(error object is not a string)");
        lua_pop(L, 1);
    }
    return status;
}

static int msghandler(lua_State *L)
{
    const char *msg = lua_tostring(L, 1);
    if (msg == NULL) {
        if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING)
            return 1;
        msg = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
    }
    luaL_traceback(L, L, msg, 1);
    return 1;
}

static int docall(lua_State *L, int narg, int nres)
{
    int base = lua_gettop(L) - narg;
    lua_pushcfunction(L, msghandler);
    lua_insert(L, base);
    globalL = L;
    set_handler(SIGINT, on_signal_running);
    set_handler(SIGTERM, on_signal_running);
    zp_interrupt_clear();
    int status = lua_pcall(L, narg, nres, base);
    restore_idle_handler(SIGINT);
    signal(SIGTERM, SIG_DFL);
    lua_remove(L, base);
    return status;
}

static int dochunk(lua_State *L, int status)
{
    if (status == LUA_OK)
        status = docall(L, 0, 0);
    return report(L, status);
}

static int dostring(lua_State *L, const char *s, const char *name)
{
    return dochunk(L, luaL_loadbuffer(L, s, strlen(s), name));
}

static int file_exists(const char *p)
{
    struct stat sb;
    return stat(p, &sb) == 0;
}

/* ---- setting up the state ---- */

/* Directory of the lua/ tree: beside the installed binary (../share/zprime/lua), else the
 * install prefix, else the source tree this binary was built from. */
static void find_lua_dir(char *out, size_t n)
{
    char exe[2048];
    ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (len > 0) {
        exe[len] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            snprintf(out, n, "%s/../share/zprime/lua/zprime/init.lua", exe);
            if (file_exists(out)) {
                snprintf(out, n, "%s/../share/zprime/lua", exe);
                return;
            }
        }
    }
    snprintf(out, n, "%s/zprime/init.lua", ZPRIME_LUA_SOURCE);
    if (file_exists(out)) {
        snprintf(out, n, "%s", ZPRIME_LUA_SOURCE);
        return;
    }
    snprintf(out, n, "%s", ZPRIME_LUA_INSTALL);
}

static int setup_state(lua_State *L)
{
    luaL_openlibs(L);
    luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_PRELOAD_TABLE);
    lua_pushcfunction(L, luaopen_zprime_core);
    lua_setfield(L, -2, "zprime.core");
    lua_pop(L, 1);
    char dir[4096];
    find_lua_dir(dir, sizeof dir);
    lua_getglobal(L, "package");
    lua_getfield(L, -1, "path");
    lua_pushfstring(L, "%s/?.lua;%s/?/init.lua;%s", dir, dir, lua_tostring(L, -1));
    lua_setfield(L, -3, "path");
    lua_pop(L, 2);
    /* zp = require "zprime" */
    lua_getglobal(L, "require");
    lua_pushstring(L, "zprime");
    int st = docall(L, 1, 1);
    if (st != LUA_OK)
        return report(L, st);
    lua_setglobal(L, "zp");
    if (hook_coroutines(L) != LUA_OK)
        return report(L, LUA_ERRRUN);
    /* help() and help "name" at the prompt */
    return dostring(L, "help = function(...) return zp.help(...) end", "=(zprime setup)");
}

static void create_arg_table(lua_State *L, char **argv, int argc, int script)
{
    lua_createtable(L, argc - script - 1, script + 1);
    for (int i = 0; i < argc; i++) {
        lua_pushstring(L, argv[i]);
        lua_rawseti(L, -2, i - script);
    }
    lua_setglobal(L, "arg");
}

static int run_script(lua_State *L, char **argv, int argc, int script)
{
    const char *fname = argv[script];
    int status = luaL_loadfile(L, fname);
    if (status != LUA_OK)
        return report(L, status);
    int n = argc - script - 1;
    luaL_checkstack(L, n, "too many arguments to script");
    for (int i = 1; i <= n; i++)
        lua_pushstring(L, argv[script + i]);
    status = docall(L, n, LUA_MULTRET);
    return report(L, status);
}

/* ---- the REPL ---- */

static int zp_getc(FILE *f)
{
    for (;;) {
        unsigned char c;
        ssize_t r = read(fileno(f), &c, 1);
        if (r == 1)
            return c;
        if (r == 0)
            return EOF;
        if (errno == EINTR) {
            if (prompt_interrupted) {
                rl_replace_line("", 0);
                return '\n';
            }
            continue;
        }
        return EOF;
    }
}

/* Completion: the Lua function zprime.repl.complete(line_before_cursor, word) returns a list. */
static char **completion_list = NULL;
static int completion_n = 0, completion_i = 0;

static char *completion_gen(const char *text, int state)
{
    (void)text;
    if (state == 0)
        completion_i = 0;
    if (completion_i < completion_n)
        return strdup(completion_list[completion_i++]);
    return NULL;
}

static void free_completions(void)
{
    for (int i = 0; i < completion_n; i++)
        free(completion_list[i]);
    free(completion_list);
    completion_list = NULL;
    completion_n = 0;
}

static char **zp_complete(const char *text, int start, int end)
{
    (void)end;
    lua_State *L = globalL;
    rl_attempted_completion_over = 1;
    free_completions();
    int top = lua_gettop(L);
    lua_getglobal(L, "require");
    lua_pushstring(L, "zprime.repl");
    if (lua_pcall(L, 1, 1, 0) != LUA_OK || !lua_istable(L, -1)) {
        lua_settop(L, top);
        return NULL;
    }
    lua_getfield(L, -1, "complete");
    lua_pushlstring(L, rl_line_buffer, (size_t)start);
    lua_pushstring(L, text);
    if (lua_pcall(L, 2, 1, 0) != LUA_OK || !lua_istable(L, -1)) {
        lua_settop(L, top);
        return NULL;
    }
    int n = (int)luaL_len(L, -1);
    completion_list = calloc((size_t)(n > 0 ? n : 1), sizeof *completion_list);
    for (int i = 0; completion_list && i < n; i++) {
        lua_rawgeti(L, -1, i + 1);
        const char *s = lua_tostring(L, -1);
        if (s)
            completion_list[completion_n++] = strdup(s);
        lua_pop(L, 1);
    }
    lua_settop(L, top);
    if (completion_n == 0)
        return NULL;
    /* no space after a completed table or function name */
    rl_completion_append_character = '\0';
    return rl_completion_matches(text, completion_gen);
}

static const char *get_prompt(lua_State *L, int first)
{
    lua_getglobal(L, first ? "_PROMPT" : "_PROMPT2");
    const char *p = lua_tostring(L, -1);
    lua_pop(L, 1);
    return p ? p : (first ? "zprime> " : "     >> ");
}

#define EOFMARK "<eof>"
static int incomplete(lua_State *L, int status)
{
    if (status == LUA_ERRSYNTAX) {
        size_t lmsg;
        const char *msg = lua_tolstring(L, -1, &lmsg);
        size_t lm = sizeof(EOFMARK) - 1;
        if (lmsg >= lm && strcmp(msg + lmsg - lm, EOFMARK) == 0) {
            lua_pop(L, 1);
            return 1;
        }
    }
    return 0;
}

/* Call zprime.repl.FNAME with the n values on top of the stack (they are consumed); on success
 * leave nres results.  Returns 0 when the module or the call failed (stack restored to below
 * the arguments). */
static int call_repl_lua(lua_State *L, const char *fname, int n, int nres)
{
    int base = lua_gettop(L) - n;
    lua_getglobal(L, "require");
    lua_pushstring(L, "zprime.repl");
    if (lua_pcall(L, 1, 1, 0) != LUA_OK || !lua_istable(L, -1)) {
        lua_settop(L, base);
        return 0;
    }
    lua_getfield(L, -1, fname);
    lua_remove(L, -2);
    lua_insert(L, base + 1);
    if (lua_pcall(L, n, nres, 0) != LUA_OK) {
        lua_settop(L, base);
        return 0;
    }
    return 1;
}

/* An error at the prompt: the message alone with a suggestion (zprime.repl.format_error), the
 * traceback only in debug mode (zprime -v, zp.debug(true)). */
static void report_prompt(lua_State *L)
{
    const char *raw = lua_tostring(L, -1);
    if (raw == NULL) {
        lua_pop(L, 1);
        l_message("(error object is not a string)");
        return;
    }
    lua_pushvalue(L, -1);
    if (call_repl_lua(L, "format_error", 1, 1) && lua_type(L, -1) == LUA_TSTRING) {
        fprintf(stderr, "%s\n", lua_tostring(L, -1));
        fflush(stderr);
        lua_pop(L, 2);
        return;
    }
    l_message(lua_tostring(L, -1) ? lua_tostring(L, -1) : raw);
    lua_settop(L, 0);
}

static void print_results(lua_State *L)
{
    int n = lua_gettop(L);
    lua_getglobal(L, "require");
    lua_pushstring(L, "zprime.repl");
    if (lua_pcall(L, 1, 1, 0) == LUA_OK && lua_istable(L, -1)) {
        lua_getfield(L, -1, "print_results");
        lua_remove(L, -2);
        lua_insert(L, 1);
        if (lua_pcall(L, n, 0, 0) != LUA_OK)
            l_message(lua_tostring(L, -1) ? lua_tostring(L, -1) : "(error object is not a string)");
        lua_settop(L, 0);
        return;
    }
    lua_pop(L, 1);
    if (n == 0)
        return;
    luaL_checkstack(L, LUA_MINSTACK, "too many results to print");
    lua_getglobal(L, "print");
    lua_insert(L, 1);
    if (lua_pcall(L, n, 0, 0) != LUA_OK)
        l_message(lua_tostring(L, -1) ? lua_tostring(L, -1) : "(error object is not a string)");
}

/* Read one chunk (possibly several lines) and compile it.  Returns -1 at end of input. */
static int load_chunk(lua_State *L)
{
    int first = 1;
    lua_settop(L, 0);
    for (;;) {
        prompt_interrupted = 0;
        set_handler(SIGINT, on_signal_prompt);
        char *line = readline(get_prompt(L, first));
        restore_idle_handler(SIGINT);
        if (line == NULL) {
            if (!first) { /* Ctrl-D inside a chunk drops it */
                lua_settop(L, 0);
                fputc('\n', stdout);
                return 0;
            }
            return -1;
        }
        if (prompt_interrupted) {
            free(line);
            fputs("^C\n", stdout);
            fflush(stdout);
            lua_settop(L, 0);
            return 0;
        }
        /* chunk so far */
        if (first) {
            lua_settop(L, 0);
            lua_pushstring(L, line);
        } else {
            lua_pushfstring(L, "%s\n%s", lua_tostring(L, 1), line);
            lua_replace(L, 1);
        }
        free(line);
        size_t len;
        const char *chunk = lua_tolstring(L, 1, &len);
        int status;
        if (first) {
            const char *retline = lua_pushfstring(L, "return %s;", chunk);
            status = luaL_loadbuffer(L, retline, strlen(retline), "=stdin");
            if (status == LUA_OK) {
                lua_remove(L, -2); /* the return-line string */
                goto done;
            }
            lua_pop(L, 2); /* error and return-line */
        }
        status = luaL_loadbuffer(L, chunk, len, "=stdin");
        if (incomplete(L, status)) {
            first = 0;
            continue;
        }
    done:
        if (len > 0 && strspn(chunk, " \t") != len) {
            add_history(chunk);
            if (history_file[0])
                append_history(1, history_file);
        }
        lua_remove(L, 1); /* keep only the function (or the error message) */
        return status;
    }
}

static void repl(lua_State *L)
{
    globalL = L;
    const char *home = getenv("HOME");
    const char *hf = getenv("ZPRIME_HISTORY");
    if (hf && *hf)
        snprintf(history_file, sizeof history_file, "%s", hf);
    else if (home)
        snprintf(history_file, sizeof history_file, "%s/.zprime_history", home);
    /* a multi-line chunk is one history entry, also after a restart: entries are written with
     * timestamp lines, which let read_history join the lines of one entry again */
    history_write_timestamps = 1;
    history_multiline_entries = 1;
    history_comment_char = '#'; /* the timestamp lines start with it */
    if (history_file[0]) {
        if (!file_exists(history_file)) {
            FILE *f = fopen(history_file, "a");
            if (f)
                fclose(f);
        }
        history_truncate_file(history_file, HISTORY_MAX_LINES);
        read_history(history_file);
    }
    stifle_history(HISTORY_MAX_LINES);
    rl_readline_name = "zprime";
    rl_catch_signals = 0;
    rl_getc_function = zp_getc;
    rl_attempted_completion_function = zp_complete;
    rl_basic_word_break_characters = " \t\n\"\\'`@$><=;|&{(,+-*/%^~[]#";
    rl_completer_quote_characters = "";
    int status;
    while ((status = load_chunk(L)) != -1) {
        if (lua_gettop(L) == 0)
            continue;
        if (status == LUA_OK)
            status = docall(L, 0, LUA_MULTRET);
        if (status == LUA_OK)
            print_results(L);
        else
            report_prompt(L);
        lua_settop(L, 0);
    }
    lua_settop(L, 0);
    if (history_file[0])
        history_truncate_file(history_file, HISTORY_MAX_LINES);
    fputc('\n', stdout);
    fflush(stdout);
}

static void print_banner(void)
{
    printf("zprime %s -- Z' portal model of Cline, Cornell, London & Watanabe (arXiv:1702.00395)\n"
           "Lua 5.4 shell; `zp` is loaded. Type help() for a tour, zp.help \"name\" for a quantity, "
           "Ctrl-D to quit.\n",
           ZPRIME_VERSION);
}

static void print_usage(void)
{
    /* the folder holding scripts/, examples/ and docs/: the source tree (lua/..) or, for an
     * installed copy, <prefix>/share/zprime (share/zprime/lua/..) */
    char home[4096];
    find_lua_dir(home, sizeof home);
    size_t n = strlen(home);
    if (n >= 4 && strcmp(home + n - 4, "/lua") == 0)
        home[n - 4] = '\0';
    char *up = strstr(home, "/bin/../share/"); /* <prefix>/bin/../share -> <prefix>/share */
    if (up)
        memmove(up, up + 7, strlen(up + 7) + 1);
    printf("usage: %s [options] [script.lua [args...]]\n"
           "  (no arguments)    interactive REPL with history, completion and help()\n"
           "  script.lua args   run a script; its arguments are in the global table `arg`\n"
           "  -e CODE           run the Lua code CODE (may be repeated)\n"
           "  -i                enter the REPL after running the script / -e code\n"
           "  -                 run the script read from standard input\n"
           "  script.lua --chunk K/N   run slice K of N of every zp.scan (cluster job arrays)\n"
           "  script.lua --jobs N      run every zp.scan on N threads or worker processes\n"
           "  merge F... -o OUT join scan slices (docs/cluster.md)\n"
           "  --serve           serve the Jupyter kernel's framed protocol on stdin (docs/notebook.md)\n"
           "  --install-kernel [--user]  register the \"zprime\" Jupyter kernel\n"
           "  -v, --verbose     errors at the prompt show the Lua stack traceback (zp.debug(true))\n"
           "  --version         print the version\n"
           "  -h, --help        print this help\n"
           "\n"
           "Main job -- reproduce arXiv:1702.00395 (Tables I-II, Figures 1-7, check tables and a\n"
           "validation report of every printed number) into the folder out/:\n"
           "  %s %s/scripts/paper.lua out        (--help for its options)\n"
           "Examples (workshop, in reading order): %s/examples/\n"
           "  01_first_steps.lua ... 06_your_own_variant.lua; run one with: %s %s/examples/01_first_steps.lua\n"
           "Docs in %s/: README.md, docs/guide.md (user guide), docs/reference.md (every\n"
           "  parameter and observable); at the prompt: help(), zp.help \"name\", zp.apropos \"word\"\n"
           "\n"
           "Environment:\n"
           "  ZPRIME_DATA      colon-separated data directories, searched before the source tree's\n"
           "                   data/ and <prefix>/share/zprime/data (see zp.data_path())\n"
           "  ZPRIME_HISTORY   REPL history file (default ~/.zprime_history); ~/.zprimerc.lua runs at start\n"
           "  ZPRIME_JOBS, ZPRIME_CHUNK   what --jobs N and --chunk K/N set for zp.scan\n"
           "  ZPRIME_GNUPLOT   the gnuplot program zp.plot runs (default gnuplot)\n"
           "  LUA_PATH, LUA_CPATH   extra Lua modules, as for lua5.4\n",
           progname, progname, home, home, progname, home, home);
}

static int run_startup_file(lua_State *L)
{
    const char *home = getenv("HOME");
    if (home == NULL)
        return LUA_OK;
    char rc[4096];
    snprintf(rc, sizeof rc, "%s/.zprimerc.lua", home);
    if (!file_exists(rc))
        return LUA_OK;
    return dochunk(L, luaL_loadfile(L, rc));
}

int main(int argc, char **argv)
{
    int interactive = 0, script = 0, has_e = 0, verbose = 0, serve = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            print_usage();
            return 0;
        } else if (strcmp(a, "-v") == 0 || strcmp(a, "--verbose") == 0) {
            verbose = 1;
        } else if (strcmp(a, "--version") == 0) {
            printf("zprime %s (%s)\n", ZPRIME_VERSION, LUA_RELEASE);
            return 0;
        } else if (strcmp(a, "-i") == 0) {
            interactive = 1;
        } else if (strcmp(a, "--serve") == 0) {
            serve = 1; /* the framed protocol of the Jupyter kernel (src/repl/serve.c) */
        } else if (strcmp(a, "--install-kernel") == 0) {
            script = i; /* handled by lua/zprime/serve.lua: --install-kernel [--user] [--prefix DIR] */
            break;
        } else if (strcmp(a, "-e") == 0) {
            if (++i >= argc) {
                l_message("'-e' needs an argument");
                print_usage();
                return 1;
            }
            has_e = 1;
        } else if (a[0] == '-' && a[1] != '\0') {
            fprintf(stderr, "%s: unrecognized option '%s'\n", progname, a);
            print_usage();
            return 1;
        } else {
            script = i;
            break;
        }
    }
    /* --chunk K/N and --jobs N after the script name are zprime's own (scan slicing, worker
     * processes): they go to ZPRIME_CHUNK / ZPRIME_JOBS, and the script sees its other arguments. */
    if (script) {
        int w = script + 1;
        for (int r = script + 1; r < argc; r++) {
            const char *a = argv[r];
            const char *var = NULL, *val = NULL;
            if ((strcmp(a, "--chunk") == 0 || strcmp(a, "--jobs") == 0) && r + 1 < argc) {
                var = a[2] == 'c' ? "ZPRIME_CHUNK" : "ZPRIME_JOBS";
                val = argv[++r];
            } else if (strncmp(a, "--chunk=", 8) == 0) {
                var = "ZPRIME_CHUNK", val = a + 8;
            } else if (strncmp(a, "--jobs=", 7) == 0) {
                var = "ZPRIME_JOBS", val = a + 7;
            }
            if (var)
                setenv(var, val, 1);
            else
                argv[w++] = argv[r];
        }
        argc = w;
    }
    lua_State *L = luaL_newstate();
    if (L == NULL) {
        l_message("cannot create Lua state: not enough memory");
        return 1;
    }
    globalL = L;
    int status = setup_state(L);
    if (status == LUA_OK && verbose)
        status = dostring(L, "zp.debug(true)", "=(zprime -v)");
    if (status == LUA_OK) {
        create_arg_table(L, argv, argc, script);
        for (int i = 1; status == LUA_OK && i < (script ? script : argc); i++)
            if (strcmp(argv[i], "-e") == 0)
                status = dostring(L, argv[++i], "=(command line)");
        if (status == LUA_OK && serve) {
            run_startup_file(L);
            status = report(L, zp_serve(L));
        } else if (status == LUA_OK && script && strcmp(argv[script], "--install-kernel") == 0) {
            create_arg_table(L, argv, argc, script);
            status = dostring(L, "return require('zprime.serve').install_kernel(arg)", "=install-kernel");
        } else if (status == LUA_OK && script) {
            if (strcmp(argv[script], "merge") == 0 && !file_exists("merge")) {
                create_arg_table(L, argv, argc, script);
                status = dostring(L, "return require('zprime.scan.merge').main(arg)", "=merge");
            } else {
                if (strcmp(argv[script], "-") == 0)
                    status = dochunk(L, luaL_loadfile(L, NULL));
                else
                    status = run_script(L, argv, argc, script);
            }
        }
        if (status == LUA_OK && !serve && (interactive || (!script && !has_e))) {
            if (isatty(STDIN_FILENO) || interactive) {
                in_repl = 1;
                restore_idle_handler(SIGINT);
                print_banner();
                run_startup_file(L);
                repl(L);
            } else {
                status = dochunk(L, luaL_loadfile(L, NULL));
            }
        }
    }
    /* a script may set os.exit-like status through zp.exit_status */
    int code = status == LUA_OK ? 0 : 1;
    if (status == LUA_OK) {
        lua_getglobal(L, "zp");
        if (lua_istable(L, -1)) {
            lua_getfield(L, -1, "exit_status");
            if (lua_isinteger(L, -1))
                code = (int)lua_tointeger(L, -1);
        }
    }
    lua_close(L);
    free_completions();
    return code;
}
