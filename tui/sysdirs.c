/* sysdirs.c: the installation's folders, from configure (SYSCONFDIR and
 * LOCALSTATEDIR are set by Makefile.am).  Alone in its file so that the
 * test of a shared server can link the program with folders of its own. */
#include "config.h"

#include "tui/sysdirs.h"

const char sysdirs_config[] = SYSCONFDIR "/innotrack.conf";
const char sysdirs_shared_db[] = LOCALSTATEDIR "/lib/innotrack/innotrack.db";
