// libxml2's HTML parser as Swift 6 can import it. Only ParallaxCore's HTMLDocument uses it.
// The option flags are C enum constants; the wrappers give them as one int so Swift needs no casts.
#ifndef PARALLAX_CLIBXML2_SHIM_H
#define PARALLAX_CLIBXML2_SHIM_H

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
