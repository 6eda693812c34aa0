// libxml2's HTML parser as Swift 6 can import it. Only ParallaxCore's HTMLDocument uses it.
// The option flags are C enum constants; the wrappers give them as one int so Swift needs no casts.
#ifndef PARALLAX_CLIBXML2_SHIM_H
#define PARALLAX_CLIBXML2_SHIM_H

// libxml2 is built with ICU, and its encoding.h then includes ICU's headers, whose types clash with
// Foundation's own copy of ICU in the same Swift module. Parallax never touches the encoding
// handler's fields (only pointers to it), so the ICU part of that struct is left out here.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

/// Recover from any markup, print nothing, never touch the network, no blank-only text nodes kept
/// out of the tree we walk (we collapse whitespace ourselves), deep trees allowed.
static inline int px_html_options(void) {
    return HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET
        | HTML_PARSE_COMPACT | XML_PARSE_HUGE;
}

static inline int px_is_element(const xmlNode *n) { return n->type == XML_ELEMENT_NODE; }
static inline int px_is_text(const xmlNode *n) { return n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE; }

#endif
