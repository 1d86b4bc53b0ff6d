/*
 * document.c - .docx and .odt read in memory (document.h).
 *
 * Both are zip files of XML.  The zip is read by libzip from the file's
 * descriptor, the one part that holds the text (word/document.xml,
 * content.xml) into wiped memory, and libxml2 allocates through carnet's
 * wiping allocator: no member is ever extracted, nothing is written.
 *
 * A document may come from anyone: refused before any text is read, a
 * document protected by a password, a zip that does not add up (a
 * truncated file), a part bigger than a note may be or that expands
 * more than text does (a compressed bomb: checked against what is read,
 * not only what the zip says), a member whose name climbs out of the
 * folder it would be extracted to, XML that declares a DTD or an entity
 * (office software writes neither; libxml2 would load or expand them).
 * The parser never touches the network and substitutes no entity.
 *
 * What is kept: paragraphs, line breaks, tabs, list items (as "- "),
 * table rows (document_notes.c reads dated ones).  What is not: headers
 * and footers, comments, footnotes, deleted tracked changes, drawings
 * and field codes.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <zip.h>

#include "document_int.h"
#include "util.h"

/* A part that expands more than this many times its compressed size,
 * beyond a mebibyte, is a bomb: text compresses ten times at most. */
#define DOC_RATIO_MAX	200

static const char W[] =
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
static const char MC[] =
    "http://schemas.openxmlformats.org/markup-compatibility/2006";
static const char ODF_TEXT[] = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
static const char ODF_TABLE[] =
    "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
static const char ODF_OFFICE[] =
    "urn:oasis:names:tc:opendocument:xmlns:office:1.0";

int
document_is(const char *name)
{
	const char *dot = strrchr(name, '.');

	return dot != NULL && dot != name && (strcasecmp(dot, ".docx") == 0 ||
	    strcasecmp(dot, ".odt") == 0 || strcasecmp(dot, ".doc") == 0);
}

/* libxml2's memory is carnet's wiped memory: the text of a document
 * parsed is gone from the heap when its tree is freed. */
static char *
wiped_strdup(const char *s)
{
	return wipe_dup(s, strlen(s));
}

static void
xml_start(void)
{
	static int started;

	if (started)
		return;
	started = 1;
	xmlMemSetup(wipe_free, wipe_try_alloc, wipe_try_grow, wiped_strdup);
	xmlInitParser();
}

/* Is NODE the element NAME of namespace NS? */
static int
is(const xmlNode *node, const char *ns, const char *name)
{
	return node->type == XML_ELEMENT_NODE && node->ns != NULL &&
	    strcmp((const char *)node->ns->href, ns) == 0 &&
	    strcmp((const char *)node->name, name) == 0;
}

static void
put_content(struct doc_blocks *bs, const xmlNode *node)
{
	const char *s = (const char *)node->content;

	if (s != NULL)
		blocks_put(bs, s, strlen(s));
}

/* --- Word (.docx) ------------------------------------------------------ */

/* The text of a run or of anything inside a paragraph. */
static void
word_inline(struct doc_blocks *bs, const xmlNode *node)
{
	const xmlNode *c;

	for (c = node->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || c->ns == NULL)
			continue;
		if (is(c, W, "t"))
			for (const xmlNode *t = c->children; t != NULL;
			    t = t->next)
				put_content(bs, t);
		else if (is(c, W, "tab"))
			blocks_put(bs, "\t", 1);
		else if (is(c, W, "br") || is(c, W, "cr"))
			blocks_put(bs, "\n", 1);
		else if (is(c, W, "noBreakHyphen"))
			blocks_put(bs, "-", 1);
		else if (is(c, W, "del") || is(c, W, "moveFrom") ||
		    is(c, W, "delText") || is(c, W, "instrText") ||
		    is(c, W, "pPr") || is(c, W, "rPr") ||
		    is(c, W, "drawing") || is(c, W, "pict") ||
		    is(c, W, "object") || is(c, MC, "Fallback") ||
		    is(c, W, "footnoteReference") ||
		    is(c, W, "commentReference"))
			continue;
		else
			word_inline(bs, c);	/* r, ins, hyperlink, ... */
	}
}

/* A list item is a paragraph with numbering. */
static int
word_listed(const xmlNode *p)
{
	const xmlNode *c, *n;

	for (c = p->children; c != NULL; c = c->next)
		if (is(c, W, "pPr"))
			for (n = c->children; n != NULL; n = n->next)
				if (is(n, W, "numPr"))
					return 1;
	return 0;
}

static void word_blocks(struct doc_blocks *, const xmlNode *, int in_cell);

static void
word_table(struct doc_blocks *bs, const xmlNode *tbl, int in_cell)
{
	const xmlNode *tr, *tc;

	for (tr = tbl->children; tr != NULL; tr = tr->next) {
		if (!is(tr, W, "tr"))
			continue;
		if (!in_cell)
			blocks_start(bs, 1);
		for (tc = tr->children; tc != NULL; tc = tc->next)
			if (is(tc, W, "tc")) {
				if (!in_cell)
					blocks_cell(bs);
				else if (blocks_here(bs) > 0)
					blocks_put(bs, "\t", 1);
				word_blocks(bs, tc, 1);
			}
		if (in_cell)
			blocks_put(bs, "\n", 1);
	}
}

/* Paragraphs and tables, in order; in a table's cell, its paragraphs are
 * its lines (a table inside a cell, lines of tabs). */
static void
word_blocks(struct doc_blocks *bs, const xmlNode *node, int in_cell)
{
	const xmlNode *c;
	int first = 1;

	for (c = node->children; c != NULL; c = c->next) {
		if (is(c, W, "p")) {
			if (in_cell && !first)
				blocks_put(bs, "\n", 1);
			else if (!in_cell)
				blocks_start(bs, 0);
			if (word_listed(c))
				blocks_put(bs, "- ", 2);
			word_inline(bs, c);
			first = 0;
		} else if (is(c, W, "tbl"))
			word_table(bs, c, in_cell);
		else if (is(c, W, "sdt") || is(c, W, "sdtContent") ||
		    is(c, W, "customXml") || is(c, W, "ins"))
			word_blocks(bs, c, in_cell);
	}
}

static void
word_document(struct doc_blocks *bs, const xmlNode *root)
{
	const xmlNode *c;

	if (root == NULL || !is(root, W, "document"))
		return;
	for (c = root->children; c != NULL; c = c->next)
		if (is(c, W, "body"))
			word_blocks(bs, c, 0);
}

/* --- OpenDocument (.odt) ---------------------------------------------- */

static void
odf_inline(struct doc_blocks *bs, const xmlNode *node)
{
	const xmlNode *c;
	xmlChar *count;
	long n;

	for (c = node->children; c != NULL; c = c->next) {
		if (c->type == XML_TEXT_NODE) {
			put_content(bs, c);
			continue;
		}
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (is(c, ODF_TEXT, "s")) {
			count = xmlGetNsProp(c, (const xmlChar *)"c",
			    (const xmlChar *)ODF_TEXT);
			n = count != NULL ? strtol((char *)count, NULL, 10) : 1;
			xmlFree(count);
			for (; n > 0 && n <= 1000; n--)
				blocks_put(bs, " ", 1);
		} else if (is(c, ODF_TEXT, "tab"))
			blocks_put(bs, "\t", 1);
		else if (is(c, ODF_TEXT, "line-break"))
			blocks_put(bs, "\n", 1);
		else if (is(c, ODF_OFFICE, "annotation") ||
		    is(c, ODF_OFFICE, "annotation-end") ||
		    is(c, ODF_TEXT, "note") ||
		    is(c, ODF_TEXT, "tracked-changes") ||
		    (c->ns != NULL && strcmp((const char *)c->ns->href,
		    "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0") == 0))
			continue;
		else
			odf_inline(bs, c);	/* span, a, ... */
	}
}

static void odf_blocks(struct doc_blocks *, const xmlNode *, int in_cell,
    int listed);

static void
odf_row(struct doc_blocks *bs, const xmlNode *tr, int in_cell)
{
	const xmlNode *tc;

	if (!in_cell)
		blocks_start(bs, 1);
	for (tc = tr->children; tc != NULL; tc = tc->next)
		if (is(tc, ODF_TABLE, "table-cell")) {
			if (!in_cell)
				blocks_cell(bs);
			else if (blocks_here(bs) > 0)
				blocks_put(bs, "\t", 1);
			odf_blocks(bs, tc, 1, 0);
		}
	if (in_cell)
		blocks_put(bs, "\n", 1);
}

static void
odf_table(struct doc_blocks *bs, const xmlNode *table, int in_cell)
{
	const xmlNode *c;

	for (c = table->children; c != NULL; c = c->next)
		if (is(c, ODF_TABLE, "table-row"))
			odf_row(bs, c, in_cell);
		else if (is(c, ODF_TABLE, "table-rows") ||
		    is(c, ODF_TABLE, "table-header-rows") ||
		    is(c, ODF_TABLE, "table-row-group"))
			odf_table(bs, c, in_cell);
}

static void
odf_blocks(struct doc_blocks *bs, const xmlNode *node, int in_cell,
    int listed)
{
	const xmlNode *c;

	for (c = node->children; c != NULL; c = c->next) {
		if (is(c, ODF_TEXT, "p") || is(c, ODF_TEXT, "h")) {
			if (in_cell && blocks_here(bs) > 0)
				blocks_put(bs, "\n", 1);
			else if (!in_cell)
				blocks_start(bs, 0);
			if (listed)
				blocks_put(bs, "- ", 2);
			odf_inline(bs, c);
			listed = 0;	/* an item's next paragraphs */
		} else if (is(c, ODF_TEXT, "list"))
			odf_blocks(bs, c, in_cell, 0);
		else if (is(c, ODF_TEXT, "list-item") ||
		    is(c, ODF_TEXT, "list-header"))
			odf_blocks(bs, c, in_cell, is(c, ODF_TEXT, "list-item"));
		else if (is(c, ODF_TABLE, "table"))
			odf_table(bs, c, in_cell);
		else if (is(c, ODF_TEXT, "section"))
			odf_blocks(bs, c, in_cell, 0);
	}
}

static void
odf_document(struct doc_blocks *bs, const xmlNode *root)
{
	const xmlNode *c, *t;

	if (root == NULL || !is(root, ODF_OFFICE, "document-content"))
		return;
	for (c = root->children; c != NULL; c = c->next)
		if (is(c, ODF_OFFICE, "body"))
			for (t = c->children; t != NULL; t = t->next)
				if (is(t, ODF_OFFICE, "text"))
					odf_blocks(bs, t, 0, 0);
}

/* --- The zip ------------------------------------------------------------ */

/* A member's name that would land outside the folder it is extracted
 * to (or that is not a name): no office software writes one. */
static int
climbs_out(const char *name)
{
	const char *p;

	if (*name == '\0' || *name == '/' || strchr(name, '\\') != NULL ||
	    strchr(name, ':') != NULL)
		return 1;
	for (p = name; p != NULL; p = strchr(p, '/'), p = p ? p + 1 : NULL)
		if (strncmp(p, "..", 2) == 0 && (p[2] == '/' || p[2] == '\0'))
			return 1;
	return 0;
}

/* Member NAME, whole, in wiped memory: NULL with *WHY (or with *WHY NULL
 * when there is no such member). */
static char *
member(zip_t *z, const char *name, size_t *len, const char **why)
{
	zip_stat_t st;
	zip_file_t *f;
	zip_int64_t n;
	char *buf;
	size_t got = 0, room;

	*why = NULL;
	zip_stat_init(&st);
	if (zip_stat(z, name, 0, &st) == -1)
		return NULL;
	if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) &&
	    st.encryption_method != ZIP_EM_NONE) {
		*why = _("protected by a password: open it and save it "
		    "without one");
		return NULL;
	}
	if ((st.valid & ZIP_STAT_SIZE) && (st.size > (zip_uint64_t)
	    DOC_PART_MAX || ((st.valid & ZIP_STAT_COMP_SIZE) &&
	    st.size > 1024 * 1024 && st.size / (st.comp_size + 1) >
	    DOC_RATIO_MAX))) {
		*why = _("expands to far more than its size (a compressed "
		    "bomb?): not read");
		return NULL;
	}
	if ((f = zip_fopen(z, name, 0)) == NULL) {
		*why = _("damaged: part of it cannot be read");
		return NULL;
	}
	room = (st.valid & ZIP_STAT_SIZE) ? (size_t)st.size + 1 : 65536;
	buf = wipe_alloc(room);
	/* The zip's sizes are only what it says: what comes out counts. */
	for (;;) {
		if (got + 1 >= room) {
			if (room > (size_t)DOC_PART_MAX) {
				*why = _("expands to far more than its size (a "
				    "compressed bomb?): not read");
				break;
			}
			buf = wipe_grow(buf, room *= 2);
		}
		if ((n = zip_fread(f, buf + got, room - got - 1)) < 0) {
			*why = _("damaged or incomplete: part of it cannot be "
			    "read");
			break;
		}
		if (n == 0)
			break;
		got += (size_t)n;
	}
	zip_fclose(f);
	if (*why != NULL) {
		wipe_free(buf);
		return NULL;
	}
	buf[got] = '\0';
	*len = got;
	return buf;
}

/* XML as office software writes it: UTF-8 (or ASCII), without a DTD or
 * an entity declared. */
static const char *
xml_refused(const char *xml, size_t len)
{
	size_t i;

	if (len >= 2 && ((unsigned char)xml[0] == 0xfe ||
	    (unsigned char)xml[0] == 0xff || xml[0] == '\0' || xml[1] == '\0'))
		return _("its text is not in UTF-8: not a document as office "
		    "software writes it");
	if (memchr(xml, '\0', len) != NULL)
		return _("damaged: part of it is not text");
	for (i = 0; i + 2 < len; i++)
		if (xml[i] == '<' && xml[i + 1] == '!' && (xml[i + 2] == 'D' ||
		    xml[i + 2] == 'E' || xml[i + 2] == 'd' ||
		    xml[i + 2] == 'e'))
			return _("it declares a DTD or entities, which office "
			    "software never writes: not read");
	return NULL;
}

static void
quiet(void *ctx, const char *fmt, ...)
{
	(void)ctx;
	(void)fmt;
}

static int
from_zip(zip_t *z, time_t date, struct document *d, const char **why)
{
	zip_int64_t n, i;
	const char *name;
	char *xml, *manifest;
	size_t len;
	int word, rc;

	n = zip_get_num_entries(z, 0);
	for (i = 0; i < n; i++)
		if ((name = zip_get_name(z, (zip_uint64_t)i, 0)) == NULL ||
		    climbs_out(name)) {
			*why = _("a part of it is named to be written outside "
			    "its folder: not a document as office software "
			    "writes it");
			return -1;
		}
	/* OpenDocument says in its manifest that it is encrypted. */
	if ((manifest = member(z, "META-INF/manifest.xml", &len, why)) !=
	    NULL) {
		int locked = strstr(manifest, "encryption-data") != NULL;

		wipe_free(manifest);
		if (locked) {
			*why = _("protected by a password: open it and save it "
			    "without one");
			return -1;
		}
	} else if (*why != NULL)
		return -1;
	word = 1;
	if ((xml = member(z, "word/document.xml", &len, why)) == NULL) {
		if (*why != NULL)
			return -1;
		word = 0;
		if ((xml = member(z, "content.xml", &len, why)) == NULL) {
			if (*why == NULL)
				*why = _("neither a Word nor an OpenDocument "
				    "text");
			return -1;
		}
	}
	rc = document_from_xml(xml, len, word, date, d, why);
	wipe_free(xml);
	return rc;
}

int
document_from_xml(const char *xml, size_t len, int word, time_t date,
    struct document *d, const char **why)
{
	struct doc_blocks bs = { NULL, 0 };
	xmlDoc *doc;

	memset(d, 0, sizeof(*d));
	if ((*why = xml_refused(xml, len)) != NULL)
		return -1;
	if (len > (size_t)DOC_PART_MAX) {
		*why = _("its text is bigger than a note may be");
		return -1;
	}
	xml_start();
	xmlSetGenericErrorFunc(NULL, quiet);
	doc = xmlReadMemory(xml, (int)len, NULL, NULL, XML_PARSE_NONET |
	    XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
	if (doc == NULL) {
		*why = _("damaged: its text cannot be read");
		return -1;
	}
	if (word)
		word_document(&bs, xmlDocGetRootElement(doc));
	else
		odf_document(&bs, xmlDocGetRootElement(doc));
	xmlFreeDoc(doc);
	blocks_split(&bs, date, d);
	blocks_free(&bs);
	return 0;
}

int
document_from_zip(const char *data, size_t len, time_t date,
    struct document *d, const char **why)
{
	zip_source_t *src;
	zip_error_t ze;
	zip_t *z;
	int rc;

	memset(d, 0, sizeof(*d));
	zip_error_init(&ze);
	if ((src = zip_source_buffer_create(data, len, 0, &ze)) == NULL) {
		zip_error_fini(&ze);
		*why = _("damaged or incomplete: not a document");
		return -1;
	}
	if ((z = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS,
	    &ze)) == NULL) {
		zip_source_free(src);
		zip_error_fini(&ze);
		*why = _("damaged or incomplete (cut short?): not a document");
		return -1;
	}
	zip_error_fini(&ze);
	rc = from_zip(z, date, d, why);
	zip_discard(z);
	return rc;
}

/* The CFB container of old Office files, in which Word also wraps a
 * .docx protected by a password. */
static int
is_compound(int fd)
{
	static const unsigned char magic[8] = {
		0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1 };
	unsigned char head[8];

	return pread(fd, head, sizeof(head), 0) == (ssize_t)sizeof(head) &&
	    memcmp(head, magic, sizeof(head)) == 0;
}

int
document_read(const char *path, struct document *d, const char **why)
{
	struct doc_blocks bs = { NULL, 0 };
	const char *dot = strrchr(path, '.');
	struct stat sb;
	zip_error_t ze;
	zip_t *z;
	int fd, err, rc;

	memset(d, 0, sizeof(*d));
	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW |
	    O_NONBLOCK)) == -1) {
		*why = strerror(errno);
		return -1;
	}
	if (fstat(fd, &sb) == -1 || !S_ISREG(sb.st_mode)) {
		*why = _("not a regular file");
		close(fd);
		return -1;
	}
	if (dot != NULL && strcasecmp(dot, ".doc") == 0) {
		close(fd);
		if (document_doc(path, &bs, why) == -1)
			return -1;
		blocks_split(&bs, util_day_start(sb.st_mtime), d);
		blocks_free(&bs);
		return 0;
	}
	if (is_compound(fd)) {
		close(fd);
		*why = _("protected by a password: open it and save it "
		    "without one");
		return -1;
	}
	/* libzip reads from the descriptor: it owns it from here. */
	if ((z = zip_fdopen(fd, ZIP_RDONLY | ZIP_CHECKCONS, &err)) == NULL) {
		close(fd);
		zip_error_init_with_code(&ze, err);
		zip_error_fini(&ze);
		*why = _("damaged or incomplete (cut short?): not a document");
		return -1;
	}
	rc = from_zip(z, util_day_start(sb.st_mtime), d, why);
	zip_discard(z);
	return rc;
}
