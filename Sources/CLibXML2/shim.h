/* libxml2's HTML and XML parsers, for HTMLText. Only HTMLText imports this module. */
#ifndef JARYA_CLIBXML2_SHIM_H
#define JARYA_CLIBXML2_SHIM_H
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#endif
