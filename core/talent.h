/* talent.h: the talent pipeline: stages 接洽 → 洽谈 → 签约 → 到岗, or
 * 放弃 (before arriving) and 离开 (after), with a dated history in
 * talent_stage; what "brought in" and "on duty" mean for the counters and
 * the talents report. */
#ifndef INNOTRACK_TALENT_H
#define INNOTRACK_TALENT_H

/* SQL over a talent row `t`: the day it came on duty (its first move to
 * on_duty; without history, introduced_on if it is on duty or has left). */
#define TALENT_ARRIVED(t) \
	"coalesce((SELECT min(s.on_date) FROM talent_stage s WHERE s.talent_id = " t ".id" \
	" AND s.stage = 'on_duty'), CASE WHEN " t ".stage IN ('on_duty', 'left') THEN " t ".introduced_on END)"
/* SQL: the day it left or was given up ('0000-00-00' when it has without
 * a dated move; '9999-12-31' when it has not). */
#define TALENT_GONE(t) \
	"coalesce((SELECT min(s.on_date) FROM talent_stage s WHERE s.talent_id = " t ".id" \
	" AND s.stage IN ('left', 'abandoned')), CASE WHEN " t ".stage IN ('left', 'abandoned')" \
	" THEN '0000-00-00' ELSE '9999-12-31' END)"
/* SQL: brought in between days a and b (both included): came on duty then. */
#define TALENT_BROUGHT_IN(t, a, b) "(" TALENT_ARRIVED(t) " BETWEEN " a " AND " b ")"
/* SQL: on duty on day d. */
#define TALENT_ON_DUTY_AT(t, d) "(" TALENT_ARRIVED(t) " <= " d " AND " TALENT_GONE(t) " > " d ")"

/* Whether a talent may move from stage `from` to stage `to`
 * (CH_TALENT_STAGE values).  NULL if it may; else why not (English, an
 * N_() string to translate). */
const char *talent_rule(const char *from, const char *to);

/* The counter (core/counter.c) that counts the talents of a category
 * (CH_TALENT_CATEGORY value) brought in within the year, and the one that
 * counts those on duty (a stock target, like the city's 30 foreign
 * experts); NULL where there is none. */
const char *talent_flow_counter(const char *category);
const char *talent_stock_counter(const char *category);

#endif
