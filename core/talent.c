/* talent.c: the talent pipeline's rules (see talent.h). */
#include "config.h"

#include <string.h>

#include "core/choice.h"
#include "core/i18n.h"
#include "core/talent.h"

static int stage_rank(const char *s)
{
	for (size_t i = 0; s != NULL && i < CH_TALENT_STAGE.n; i++)
		if (strcmp(CH_TALENT_STAGE.v[i].value, s) == 0)
			return (int)i;
	return -1;
}

/* contact, negotiating, signed, on_duty, left, abandoned: forward along
 * the first four, 'left' only from on duty, 'abandoned' only before it;
 * a talent who left or was given up may be approached again. */
const char *talent_rule(const char *from, const char *to)
{
	int a = stage_rank(from), b = stage_rank(to);
	int duty = stage_rank("on_duty"), left = stage_rank("left"), gone = stage_rank("abandoned");
	if (b < 0)
		return N_("no such stage");
	if (a == b)
		return N_("the talent is at that stage already");
	if (a == left || a == gone)
		return b == 0 ? NULL : N_("a talent who left or was given up starts again at first contact");
	if (b == left)
		return a == duty ? NULL : N_("only a talent on duty can leave");
	if (b == gone)
		return a < duty ? NULL : N_("a talent on duty leaves rather than being given up");
	if (b < a)
		return N_("stages go forward: give the talent up or let them leave instead");
	return NULL;
}

static const struct {
	const char *category, *flow, *stock;
} counted[] = {
	{ "foreign_expert", "foreign_experts", "foreign_experts_on_duty" },
	{ "high_level", "high_level_talents", NULL },
	{ "tech_broker", NULL, "tech_brokers" },
};

const char *talent_flow_counter(const char *category)
{
	for (size_t i = 0; i < sizeof counted / sizeof counted[0]; i++)
		if (strcmp(counted[i].category, category) == 0)
			return counted[i].flow;
	return NULL;
}

const char *talent_stock_counter(const char *category)
{
	for (size_t i = 0; i < sizeof counted / sizeof counted[0]; i++)
		if (strcmp(counted[i].category, category) == 0)
			return counted[i].stock;
	return NULL;
}
