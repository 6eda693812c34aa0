// The wide-character ncurses API as Swift 6 can import it.
// Swift cannot read C mutable globals in strict concurrency (stdscr, COLORS …) nor import
// function-like macros (A_BOLD, COLOR_PAIR, BUTTON1_CLICKED …): these wrappers expose them as functions.
#ifndef PARALLAX_CNCURSESW_SHIM_H
#define PARALLAX_CNCURSESW_SHIM_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <ncursesw/curses.h>

static inline int px_colors(void) { return COLORS; }
static inline int px_color_pairs(void) { return COLOR_PAIRS; }

static inline attr_t px_a_normal(void) { return A_NORMAL; }
static inline attr_t px_a_bold(void) { return A_BOLD; }
static inline attr_t px_a_reverse(void) { return A_REVERSE; }
static inline attr_t px_a_underline(void) { return A_UNDERLINE; }
static inline attr_t px_a_dim(void) { return A_DIM; }
static inline attr_t px_color_pair(int n) { return (attr_t)COLOR_PAIR(n); }

/// Sets the attributes and colour pair that following output uses.
static inline int px_wattrset(WINDOW *w, attr_t attrs, short pair) { return wattr_set(w, attrs, pair, NULL); }

static inline mmask_t px_mouse_mask_wanted(void) {
    return BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED;
}
static inline int px_is_click(mmask_t m) { return (m & (BUTTON1_PRESSED | BUTTON1_CLICKED)) != 0; }
static inline int px_is_wheel_up(mmask_t m) { return (m & BUTTON4_PRESSED) != 0; }
static inline int px_is_wheel_down(mmask_t m) { return (m & BUTTON5_PRESSED) != 0; }

static inline const char *px_codeset(void) { return nl_langinfo(CODESET); }

#endif
