/* textenc.h: the decoder stage of import.  Which encoding a file is in
 * (strict UTF-8 over the whole file, else GB18030, else CP936), and a
 * streaming converter to UTF-8.  The scan also gives the file's size and
 * SHA-256, so that a file is read once for all three. */
#ifndef INNOTRACK_TEXTENC_H
#define INNOTRACK_TEXTENC_H

#include <stddef.h>
#include <stdio.h>

#include "core/util.h"

enum textenc { ENC_AUTO = 0, ENC_UTF8, ENC_GB18030, ENC_CP936 };

/* "auto", "utf-8" (or "utf8"), "gb18030" (also "gbk", "cp936"); -1 if none. */
int textenc_parse(const char *s, enum textenc *e);
const char *textenc_name(enum textenc e);

struct textenc_info {
	enum textenc enc;        /* the encoding found (or forced) */
	long long    size;       /* bytes */
	char         sha256[65]; /* hex digest of the bytes */
	int          empty;      /* nothing but a BOM and white space */
};

/* Read the file once (twice when it is not UTF-8): size, digest, encoding.
 * `want` forces an encoding (the file is still checked against it).
 * ST_OK, or ST_DATA with *err ("FILE: line N: ...") when the bytes are not
 * text in any encoding we take.  Caller frees *err. */
int textenc_scan(const char *path, enum textenc want, struct textenc_info *info, char **err);
/* The same without the digest (info->sha256 is left empty): for callers
 * that compute it beside other work with filehash_start. */
int textenc_scan_nodigest(const char *path, enum textenc want, struct textenc_info *info, char **err);

/* The same, but a file that opens with a MiB of UTF-8 text is taken as
 * UTF-8 on it, for the caller's decoder to check the rest as it reads
 * (textdec_feed and textdec_finish fail on a byte that is not UTF-8 or a
 * NUL): a big file is then read once instead of twice. */
int textenc_scan_head(const char *path, enum textenc want, struct textenc_info *info, char **err);

/* The SHA-256 of a file, computed in a thread of its own while the caller
 * goes on (on a second core the digest of a large file costs no time).
 * filehash_finish waits for it: 0 with hex set, or -1 if the file could
 * not be read.  filehash_cancel stops it and frees it.  Either frees h. */
struct filehash;
struct filehash *filehash_start(const char *path);
int filehash_finish(struct filehash *h, char hex[65]);
void filehash_cancel(struct filehash *h);

/* A streaming converter to UTF-8; a leading BOM is removed. */
struct textdec;
struct textdec *textdec_new(enum textenc enc);   /* NULL if iconv lacks it */
/* Convert n more bytes.  *out points to UTF-8 owned by d, valid until the
 * next call; *outn is its length.  -1 on bytes invalid in the encoding. */
int textdec_feed(struct textdec *d, const char *in, size_t n, const char **out, size_t *outn);
/* The end of the input: -1 if it ends inside a character. */
int textdec_finish(struct textdec *d);
/* After textdec_feed or textdec_finish failed on UTF-8: 1 if for a NUL byte, else 0 (a
 * byte that is not UTF-8); *at its offset from the first byte fed, or -1
 * when not known (the legacy encodings). */
int textdec_fault(const struct textdec *d, long long *at);
/* The line (1-based) of byte offset at of f (read again from its start). */
long textenc_line_at(FILE *f, long long at);
/* 1 if bytes of an unfinished character are left over at the end. */
int textdec_pending(const struct textdec *d);
void textdec_free(struct textdec *d);

#endif
