/* userscreen.h: the admin's screen of users: who may change what (login,
 * role, region), and granting, changing and revoking, through the same
 * core functions as `innotrack grant` and `revoke` (core/users.h).  The
 * menu lists it for admins only; core refuses anyone else regardless. */
#ifndef INNOTRACK_USERSCREEN_H
#define INNOTRACK_USERSCREEN_H

#include "core/db.h"
#include "tui/frame.h"

extern const struct section_ops userscreen_ops;

void *userscreen_new(struct db *db);
void userscreen_free(void *self);

#endif
