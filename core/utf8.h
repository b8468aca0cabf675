/* utf8.h: UTF-8 as RFC 3629 defines it, in one place: decode and encode one
 * code point, validate a buffer, count code points, find where a character
 * starts.  No overlongs, no surrogates, nothing past U+10FFFF.  Locale-free
 * and allocation-free. */
#ifndef INNOTRACK_UTF8_H
#define INNOTRACK_UTF8_H

#include <stddef.h>
#include <stdint.h>

#define UTF8_BAD 0xFFFDu     /* what an invalid byte decodes to */
#define UTF8_MAX 4           /* bytes of the longest character */

/* Decode the code point at s (at most n bytes).  Returns the bytes it took,
 * 1 to 4; an invalid, overlong, surrogate or cut-off sequence gives
 * *cp = UTF8_BAD and takes one byte, so the next call starts at the next
 * byte.  n == 0 gives UTF8_BAD and 1. */
size_t utf8_decode(const char *s, size_t n, uint32_t *cp);

/* Encode cp into out (UTF8_MAX bytes of room, not NUL-terminated); returns
 * the bytes written.  A surrogate or a value past U+10FFFF is written as
 * U+FFFD. */
size_t utf8_encode(uint32_t cp, char *out);

/* Length of the longest prefix of s[0..n) that is whole, valid UTF-8.
 * *bad is 1 if what follows starts with an invalid sequence, 0 if the
 * buffer is all valid or ends with only the start of a character (more
 * bytes may finish it). */
size_t utf8_valid_prefix(const unsigned char *s, size_t n, int *bad);

/* Code points in s[0..n), counted as utf8_decode steps: an invalid byte
 * counts one. */
size_t utf8_count(const char *s, size_t n);

/* The offset <= i where the character that byte i belongs to starts, so
 * that cutting s there never splits a character (i itself when it starts
 * one, is past the end, or is an invalid byte). */
size_t utf8_floor(const char *s, size_t n, size_t i);

#endif
