/* sysdirs.h: the installation's own files, as configure placed them. */
#ifndef INNOTRACK_SYSDIRS_H
#define INNOTRACK_SYSDIRS_H

/* the system configuration: $(sysconfdir)/innotrack.conf */
extern const char sysdirs_config[];
/* the shared ledger of a setgid install when the system configuration
 * names none: $(localstatedir)/lib/innotrack/innotrack.db */
extern const char sysdirs_shared_db[];

#endif
