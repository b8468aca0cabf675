/* sha256.h: SHA-256 (FIPS 180-4), for recording which file a batch came from. */
#ifndef INNOTRACK_SHA256_H
#define INNOTRACK_SHA256_H

#include <stddef.h>
#include <stdint.h>

struct sha256 {
	uint32_t h[8];
	uint64_t len;          /* bytes hashed so far */
	unsigned char buf[64]; /* a partial block */
	size_t   n;            /* bytes in buf */
};

void sha256_init(struct sha256 *s);
void sha256_add(struct sha256 *s, const void *data, size_t n);
/* Finish and write 64 lower-case hex digits and a NUL into hex. */
void sha256_hex(struct sha256 *s, char hex[65]);
/* Use the portable C rounds even where the processor has SHA
 * instructions (for tests, which compare the two). */
void sha256_use_portable(int on);

#endif
