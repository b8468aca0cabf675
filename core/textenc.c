/* textenc.c: encoding detection and conversion to UTF-8 (iconv). */
#include "config.h"

#include <errno.h>
#include <iconv.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/db.h"
#include "core/privs.h"
#include "core/sha256.h"
#include "core/textenc.h"
#include "core/utf8.h"

#define CHUNK (64 * 1024)

int textenc_parse(const char *s, enum textenc *e)
{
	if (strcmp(s, "auto") == 0)
		*e = ENC_AUTO;
	else if (strcasecmp(s, "utf-8") == 0 || strcasecmp(s, "utf8") == 0)
		*e = ENC_UTF8;
	else if (strcasecmp(s, "gb18030") == 0 || strcasecmp(s, "gbk") == 0 ||
	         strcasecmp(s, "gb2312") == 0)
		*e = ENC_GB18030;
	else if (strcasecmp(s, "cp936") == 0)
		*e = ENC_CP936;
	else
		return -1;
	return 0;
}

const char *textenc_name(enum textenc e)
{
	switch (e) {
	case ENC_UTF8:    return "UTF-8";
	case ENC_GB18030: return "GB18030";
	case ENC_CP936:   return "CP936";
	default:          return "auto";
	}
}

struct textdec {
	enum textenc enc;
	iconv_t      cd;
	char         tail[8];     /* bytes of an unfinished character */
	size_t       ntail;
	char        *buf;         /* converted output */
	size_t       cap;
	int          started;     /* past the BOM check */
	long long    fed;         /* bytes fed before this chunk */
	long long    bad_at;      /* where the first bad byte is (-1: not known) */
	int          bad_nul;     /* it is a NUL */
};

static const char *iconv_name(enum textenc e)
{
	return e == ENC_CP936 ? "CP936" : "GB18030";
}

struct textdec *textdec_new(enum textenc enc)
{
	struct textdec *d = xcalloc(1, sizeof *d);
	d->enc = enc == ENC_AUTO ? ENC_UTF8 : enc;
	d->cd = (iconv_t)-1;
	d->bad_at = -1;
	if (d->enc != ENC_UTF8) {
		d->cd = iconv_open("UTF-8", iconv_name(d->enc));
		if (d->cd == (iconv_t)-1) {
			free(d);
			return NULL;
		}
	}
	return d;
}

void textdec_free(struct textdec *d)
{
	if (d == NULL)
		return;
	if (d->cd != (iconv_t)-1)
		iconv_close(d->cd);
	free(d->buf);
	free(d);
}

int textdec_pending(const struct textdec *d)
{
	return d->ntail > 0;
}

/* Convert tail + in through iconv into d->buf. */
static int convert(struct textdec *d, const char *in, size_t n, size_t *outn)
{
	size_t total = d->ntail + n;
	if (d->cap < total * 2 + 64) {
		d->cap = total * 2 + 64;
		d->buf = xrealloc(d->buf, d->cap);
	}
	char *src = (char *)in, *dst = d->buf;
	size_t srcleft = n, dstleft = d->cap;
	/* finish a character split over the previous chunk first, byte by byte */
	while (d->ntail > 0 && srcleft > 0) {
		d->tail[d->ntail++] = *src++;
		srcleft--;
		char *t = d->tail;
		size_t tl = d->ntail;
		if (iconv(d->cd, &t, &tl, &dst, &dstleft) != (size_t)-1) {
			d->ntail = 0;
		} else if (errno != EINVAL || d->ntail >= 4) {
			return -1;
		}
	}
	while (srcleft > 0) {
		if (iconv(d->cd, &src, &srcleft, &dst, &dstleft) != (size_t)-1)
			break;
		if (errno == EINVAL) {                  /* unfinished at the end */
			memcpy(d->tail, src, srcleft);
			d->ntail = srcleft;
			break;
		}
		if (errno == E2BIG) {
			size_t used = (size_t)(dst - d->buf);
			d->cap *= 2;
			d->buf = xrealloc(d->buf, d->cap);
			dst = d->buf + used;
			dstleft = d->cap - used;
			continue;
		}
		return -1;                              /* EILSEQ */
	}
	*outn = (size_t)(dst - d->buf);
	return 0;
}

/* UTF-8 is passed on as it is, once checked: no NUL, every sequence
 * valid, one split between two chunks finished by the next.  0, or -1
 * with d->bad_at set. */
static int check_utf8(struct textdec *d, const unsigned char *in, size_t n)
{
	size_t start = 0;
	const unsigned char *z = memchr(in, '\0', n);
	if (z != NULL)
		n = (size_t)(z - in);       /* what comes before the NUL is checked first */
	if (d->ntail > 0) {
		/* the split sequence: its first bytes and as many more as it needs */
		unsigned char t[8];
		size_t k = d->ntail, take = n < 4 ? n : 4;
		memcpy(t, d->tail, k);
		memcpy(t + k, in, take);
		int bad;
		size_t ok = utf8_valid_prefix(t, k + take, &bad);
		if (ok < k) {
			if (bad || z != NULL) {
				d->bad_at = d->fed - (long long)k;
				return -1;
			}
			memcpy(d->tail + k, in, take);   /* still unfinished: n < 3 */
			d->ntail = k + take;
			return 0;
		}
		start = ok - k;         /* the bytes of this chunk that finished it */
		d->ntail = 0;
	}
	int bad;
	size_t ok = start + utf8_valid_prefix(in + start, n - start, &bad);
	if (bad || (z != NULL && ok < n)) {
		d->bad_at = d->fed + (long long)ok;
		return -1;
	}
	if (z != NULL) {
		d->bad_at = d->fed + (long long)n;
		d->bad_nul = 1;
		return -1;
	}
	memcpy(d->tail, in + ok, n - ok);    /* the start of a sequence the next chunk ends */
	d->ntail = n - ok;
	return 0;
}

int textdec_feed(struct textdec *d, const char *in, size_t n, const char **out, size_t *outn)
{
	if (d->enc == ENC_UTF8) {
		if (check_utf8(d, (const unsigned char *)in, n) != 0)
			return -1;
		*out = in;
		*outn = n;
	} else {
		if (convert(d, in, n, outn) != 0)
			return -1;
		*out = d->buf;
	}
	d->fed += (long long)n;
	if (!d->started && *outn > 0) {
		d->started = 1;
		if (*outn >= 3 && memcmp(*out, "\xEF\xBB\xBF", 3) == 0) {
			*out += 3;
			*outn -= 3;
		}
	}
	return 0;
}

int textdec_finish(struct textdec *d)
{
	if (d->ntail == 0)
		return 0;
	if (d->enc == ENC_UTF8)
		d->bad_at = d->fed - (long long)d->ntail;
	return -1;
}

int textdec_fault(const struct textdec *d, long long *at)
{
	*at = d->bad_at;
	return d->bad_nul;
}

long textenc_line_at(FILE *f, long long at)
{
	char *buf = xmalloc(CHUNK);
	long line = 1;
	long long pos = 0;
	size_t n;
	rewind(f);
	while (pos < at && (n = fread(buf, 1, CHUNK, f)) > 0) {
		size_t k = at - pos < (long long)n ? (size_t)(at - pos) : n;
		for (const char *p = buf; (p = memchr(p, '\n', (size_t)(buf + k - p))) != NULL; p++)
			line++;
		pos += (long long)n;
	}
	free(buf);
	return line;
}

/* Check the whole file against one legacy encoding with iconv.  0 if it
 * converts; else -1 with *line the line of the first bad byte. */
static int check_legacy(FILE *f, enum textenc enc, long *line)
{
	struct textdec *d = textdec_new(enc);
	char *buf = xmalloc(CHUNK);
	size_t n;
	int rc = 0;
	*line = 1;
	if (d == NULL) {
		free(buf);
		return -1;
	}
	rewind(f);
	while ((n = fread(buf, 1, CHUNK, f)) > 0) {
		const char *out;
		size_t outn;
		if (textdec_feed(d, buf, n, &out, &outn) != 0) {
			rc = -1;
			break;
		}
		for (size_t i = 0; i < outn; i++)
			*line += out[i] == '\n';
	}
	if (rc == 0 && textdec_pending(d))
		rc = -1;
	free(buf);
	textdec_free(d);
	return rc;
}

static int scan(const char *path, enum textenc want, int digest, struct textenc_info *info,
                char **err)
{
	FILE *f = privs_fopen_clerk(path, "rb");
	unsigned char *buf = NULL;
	struct sha256 sh;
	int rc = ST_DATA, utf8_ok = 1, blank = 1;
	long line = 1, bad_line = 0;
	size_t carry = 0, n;

	memset(info, 0, sizeof *info);
	if (f == NULL) {
		err_set(err, "%s: %s", path, errno_text(errno));
		return ST_DATA;
	}
	buf = xmalloc(CHUNK + 4);
	sha256_init(&sh);
	while ((n = fread(buf + carry, 1, CHUNK, f)) > 0) {
		unsigned char *p = buf + carry;
		if (info->size == 0 && n >= 2 &&
		    ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF))) {
			err_set(err, "%s: the file is UTF-16 (Excel's \"Unicode text\"); save it from "
			        "Excel as \"CSV UTF-8\" or \"CSV\" and import that", path);
			goto out;
		}
		if (info->size == 0 && n >= 4 && memcmp(p, "\x84\x31\x95\x33", 4) == 0 && want == ENC_AUTO)
			want = ENC_GB18030;      /* GB18030's own BOM */
		if (digest)
			sha256_add(&sh, p, n);
		if (memchr(p, '\0', n) != NULL) {
			unsigned char *z = memchr(p, '\0', n);
			for (unsigned char *q = p; q < z; q++)
				line += *q == '\n';
			err_set(err, "%s: line %ld: a NUL byte: this is not a CSV text file", path, line);
			goto out;
		}
		for (size_t i = 0; i < n; i++) {
			unsigned c = p[i];
			if (c == '\n') {
				line++;
			} else if (blank && c != ' ' && c != '\r' && c != '\t' && c != ',' &&
			           !(info->size == 0 && i < 3 && (c == 0xEF || c == 0xBB || c == 0xBF))) {
				blank = 0;
			}
		}
		info->size += (long long)n;
		if (utf8_ok) {
			int bad;
			size_t len = carry + n;
			size_t ok = utf8_valid_prefix(buf, len, &bad);
			if (bad) {
				utf8_ok = 0;
				bad_line = line;    /* approximate: the chunk's last line */
				for (size_t i = ok; i < len; i++)
					bad_line -= buf[i] == '\n';
			} else {
				carry = len - ok;
				memmove(buf, buf + ok, carry);
			}
		}
		if (!utf8_ok)
			carry = 0;
	}
	if (ferror(f)) {
		err_set(err, "%s: %s", path, errno_text(errno));
		goto out;
	}
	if (utf8_ok && carry > 0) {
		utf8_ok = 0;
		bad_line = line;
	}
	if (digest)
		sha256_hex(&sh, info->sha256);
	info->empty = blank;
	if (want == ENC_UTF8 || (want == ENC_AUTO && utf8_ok)) {
		if (!utf8_ok) {
			err_set(err, "%s: line %ld: bytes that are not UTF-8 (try --encoding gb18030)",
			        path, bad_line);
			goto out;
		}
		info->enc = ENC_UTF8;
		rc = ST_OK;
		goto out;
	}
	long gline;
	if (check_legacy(f, want == ENC_CP936 ? ENC_CP936 : ENC_GB18030, &gline) == 0) {
		info->enc = want == ENC_CP936 ? ENC_CP936 : ENC_GB18030;
		rc = ST_OK;
	} else if (want == ENC_AUTO && check_legacy(f, ENC_CP936, &line) == 0) {
		info->enc = ENC_CP936;     /* Excel "ANSI" with a euro sign (0x80) */
		rc = ST_OK;
	} else if (want == ENC_AUTO) {
		err_set(err, "%s: line %ld: bytes that are neither UTF-8 nor GB18030: "
		        "this does not look like a CSV text file", path, utf8_ok ? gline : bad_line);
	} else {
		err_set(err, "%s: line %ld: bytes that are not %s", path, gline, textenc_name(want));
	}
out:
	free(buf);
	fclose(f);
	return rc;
}

int textenc_scan(const char *path, enum textenc want, struct textenc_info *info, char **err)
{
	return scan(path, want, 1, info, err);
}

int textenc_scan_nodigest(const char *path, enum textenc want, struct textenc_info *info, char **err)
{
	return scan(path, want, 0, info, err);
}

/* A file that opens with this much UTF-8 (not all of it ASCII) is UTF-8:
 * a GB18030 sheet's Chinese would have shown bytes that are not. */
#define HEAD_BYTES (1024 * 1024)

int textenc_scan_head(const char *path, enum textenc want, struct textenc_info *info, char **err)
{
	FILE *f = want == ENC_AUTO || want == ENC_UTF8 ? privs_fopen_clerk(path, "rb") : NULL;
	struct stat sb;
	int decided = 0;
	if (f != NULL && fstat(fileno(f), &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_size > HEAD_BYTES) {
		unsigned char *buf = xmalloc(HEAD_BYTES);
		size_t n = fread(buf, 1, HEAD_BYTES, f);
		int bad = 0, wide = 0, text = 0;
		size_t ok = utf8_valid_prefix(buf, n, &bad);
		for (size_t i = 0; i < ok && !(wide && text); i++) {
			wide |= buf[i] >= 0x80;
			text |= buf[i] > ' ' && buf[i] != ',' && buf[i] < 0x80;
		}
		/* a BOM of UTF-16 or of GB18030, a NUL, a bad byte: the whole scan says */
		decided = n == HEAD_BYTES && !bad && wide && text && memchr(buf, '\0', n) == NULL &&
		          !(buf[0] == 0xFF && buf[1] == 0xFE) && !(buf[0] == 0xFE && buf[1] == 0xFF);
		free(buf);
		if (decided) {
			memset(info, 0, sizeof *info);
			info->enc = ENC_UTF8;
			info->size = (long long)sb.st_size;
		}
	}
	if (f != NULL)
		fclose(f);
	return decided ? ST_OK : scan(path, want, 0, info, err);
}

struct filehash {
	FILE         *f;       /* opened by filehash_start, as the clerk */
	pthread_t     t;
	int           started;
	atomic_int    stop;    /* set by filehash_cancel; read between chunks */
	int           rc;
	char          hex[65];
};

static void *hash_file(void *arg)
{
	struct filehash *h = arg;
	FILE *f = h->f;
	struct sha256 sh;
	size_t n;
	h->rc = -1;
	if (f == NULL)
		return NULL;
	unsigned char *buf = xmalloc(CHUNK);
	sha256_init(&sh);
	while (!atomic_load(&h->stop) && (n = fread(buf, 1, CHUNK, f)) > 0)
		sha256_add(&sh, buf, n);
	if (!atomic_load(&h->stop) && !ferror(f)) {
		sha256_hex(&sh, h->hex);
		h->rc = 0;
	}
	free(buf);
	return NULL;
}

struct filehash *filehash_start(const char *path)
{
	struct filehash *h = xcalloc(1, sizeof *h);
	/* opened here, not in the thread: the clerk's ids are taken for a
	 * moment by one thread at a time (core/privs.h) */
	h->f = privs_fopen_clerk(path, "rb");
	h->started = pthread_create(&h->t, NULL, hash_file, h) == 0;
	return h;
}

int filehash_finish(struct filehash *h, char hex[65])
{
	if (h->started)
		pthread_join(h->t, NULL);
	else
		hash_file(h);        /* no thread to be had: here and now */
	int rc = h->rc;
	if (rc == 0)
		memcpy(hex, h->hex, 65);
	if (h->f != NULL)
		fclose(h->f);
	free(h);
	return rc;
}

void filehash_cancel(struct filehash *h)
{
	char hex[65];
	if (h == NULL)
		return;
	atomic_store(&h->stop, 1);
	filehash_finish(h, hex);
}
