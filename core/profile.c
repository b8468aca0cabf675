/* profile.c: the import profiles of the twelve kinds (see profile.h). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/fold.h"
#include "core/i18n.h"
#include "core/profile.h"
#include "core/util.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))
#define LEVELS "national:国家级|国家;provincial:省级|省;municipal:市级|市"
#define CMPS "=:=|等于;>=:>=|≥|不低于|以上;<=:<=|≤|不高于|以下;~:~|约|左右"

static const struct pfield obs_f[] = {
	{ "indicator_id", "indicator|指标|指标名称|指标项", FT_INDICATOR, PF_REQ | PF_KEY, 0, 0, 0 },
	{ "region_id", "region|地区|区域|县区|县（市、区）|县(市、区)|县市区|单位|地区名称", FT_REGION, PF_REQ | PF_KEY, 0, 0, 0 },
	{ "period", "period|时期|期别|报告期|统计期|时间|年度|季度", FT_PERIOD, PF_REQ | PF_KEY, 0, 0, 0 },
	{ "period_end", "period_end", FT_PERIOD_END, PF_DERIVED, 0, 0, 0 },
	{ "value", "value|数值|本期值|指标值|实际值|完成值|数据", FT_REAL, 0, 0, 0, 0 },
	{ "note", "note|备注|说明", FT_TEXT, 0, "", 0, 0 },
};

static const struct pfield tgt_f[] = {
	{ "indicator_id", "indicator|指标|指标名称", FT_INDICATOR, PF_REQ | PF_KEY, 0, 0, 0 },
	{ "region_id", "region|地区|区域|县区", FT_REGION, PF_REQ | PF_KEY, 0, 0, 0 },
	{ "year", "year|目标年|目标年份|年份|年度", FT_YEAR, PF_REQ | PF_KEY, 0, 0, 0 },
	{ "comparator", "comparator|比较|比较符|关系", FT_ENUM, 0, "=", CMPS, 0 },
	{ "value", "value|目标值|target|目标", FT_REAL, PF_REQ, 0, 0, 0 },
	{ "baseline_year", "baseline_year|基期年|基期年份", FT_YEAR, 0, 0, 0, 0 },
	{ "baseline", "baseline|基期值|基期", FT_REAL, 0, 0, 0, 0 },
	{ "doc_id", "doc|文件|依据文件|文号|政策文件", FT_DOC, PF_REQ | PF_KEY, 0, 0, 0 },
	{ "note", "note|备注|说明", FT_TEXT, 0, "", 0, 0 },
};

static const struct pfield ent_f[] = {
	{ "uscc", "uscc|统一社会信用代码|社会信用代码|信用代码|credit_code", FT_USCC, PF_REQ | PF_KEY, 0, 0, 0 },
	{ "name", "name|企业名称|名称|单位名称|企业", FT_TEXT, PF_REQ, 0, 0, 200 },
	{ "region_id", "region|所在地区|地区|县区|所属县区|所在县区|区域", FT_REGION, 0, 0, 0, 0 },
	{ "industry", "industry|所属行业|行业|产业领域|领域", FT_TEXT, 0, "", 0, 100 },
	{ "tier", "tier|梯次|培育梯次|企业类型|类别", FT_ENUM, 0, "none",
	  "none:无|否|一般企业;tech_sme:科技型中小企业|科技型中小;high_tech:高新技术企业|高企|国家高新技术企业;"
	  "gazelle:瞪羚企业|瞪羚;unicorn:独角兽企业|独角兽", 0 },
	{ "reserve_gazelle", "reserve_gazelle|瞪羚后备库|瞪羚企业后备库|瞪羚后备", FT_BOOL, 0, "0", 0, 0 },
	{ "reserve_unicorn", "reserve_unicorn|独角兽后备库|独角兽企业后备库|独角兽后备", FT_BOOL, 0, "0", 0, 0 },
	{ "leading", "leading|高科技领军企业|领军企业", FT_BOOL, 0, "0", 0, 0 },
	{ "little_giant", "little_giant|专精特新小巨人|小巨人|专精特新“小巨人”", FT_BOOL, 0, "0", 0, 0 },
	{ "tsme_reg_no", "tsme_reg_no|科技型中小企业入库编号|入库编号|入库登记编号", FT_TEXT, 0, 0, 0, 64 },
	{ "hte_cert_no", "hte_cert_no|高新技术企业证书编号|证书编号|高企证书编号", FT_TEXT, 0, 0, 0, 64 },
	{ "hte_cert_date", "hte_cert_date|发证日期|高新技术企业发证日期|认定日期|证书日期|发证时间", FT_DATE, 0, 0, 0, 0 },
	{ "has_rnd_inst", "has_rnd_inst|研发机构|是否建有研发机构|有无研发机构", FT_BOOL, 0, "0", 0, 0 },
	{ "note", "note|备注", FT_TEXT, 0, "", 0, 0 },
};

static const struct pfield tal_f[] = {
	{ "name", "name|姓名|人才姓名|名称", FT_TEXT, PF_REQ | PF_KEY, 0, 0, 100 },
	{ "id_no", "id_no|证件号码|身份证号|护照号|身份证号码", FT_TEXT, PF_KEY, 0, 0, 32 },
	{ "category", "category|人才类别|类别|类型", FT_TEXT, PF_REQ, 0, 0, 100 },
	{ "mode", "mode|引进方式|方式|引才方式", FT_ENUM, 0, "fulltime",
	  "fulltime:全职|全职引进;flexible:柔性|柔性引进|候鸟式", 0 },
	{ "is_foreign", "is_foreign|外籍|是否外籍|外国专家", FT_BOOL, 0, "0", 0, 0 },
	{ "institute_id", "institute|来源单位|大院大所|来源院所|所属院所", FT_INSTITUTE, 0, 0, 0, 0 },
	{ "enterprise_id", "enterprise|服务企业|企业|用人企业", FT_ENTERPRISE, 0, 0, 0, 0 },
	{ "host", "host|服务单位|用人单位|依托单位", FT_TEXT, 0, "", 0, 200 },
	{ "region_id", "region|地区|所在地区|县区", FT_REGION, 0, 0, 0, 0 },
	{ "stage", "stage|阶段|进展|状态", FT_ENUM, 0, "contact",
	  "contact:初步接洽|接洽;negotiating:洽谈中|洽谈;signed:已签约|签约;on_duty:已到岗|到岗|在岗;left:已离开|离开|离岗", 0 },
	{ "introduced_on", "introduced_on|引进时间|引进日期|到岗时间", FT_DATE, 0, 0, 0, 0 },
};

static const struct pfield inst_f[] = {
	{ "name", "name|院所名称|名称|单位名称|大院大所名称|高校院所", FT_TEXT, PF_REQ | PF_KEY, 0, 0, 200 },
	{ "kind", "kind|类型|类别|单位类型", FT_ENUM, 0, "institute",
	  "university:高校|大学|高等院校;institute:科研院所|研究所|院所;academy:科学院|中科院;other:其他", 0 },
	{ "location", "location|所在地|地址|所在城市", FT_TEXT, 0, "", 0, 200 },
	{ "aliases", "aliases|简称|别名", FT_TEXT, 0, "", 0, 200 },
	{ "fields", "fields|优势领域|研究领域|领域", FT_TEXT, 0, "", 0, 500 },
};

static const struct pfield part_f[] = {
	{ "region_id", "region|地区|县区|合作地区|区县", FT_REGION, PF_REQ | PF_KEY, 0, 0, 0 },
	{ "institute_id", "institute|合作院所|大院大所|院所名称|合作单位", FT_INSTITUTE, PF_REQ | PF_KEY, 0, 0, 0 },
	{ "long_term", "long_term|长期合作单位|是否长期合作|长期合作", FT_BOOL, 0, "0", 0, 0 },
	{ "since", "since|合作时间|签约时间|签约日期", FT_DATE, 0, 0, 0, 0 },
	{ "agreement", "agreement|合作协议|协议名称|协议", FT_TEXT, 0, "", 0, 200 },
};

static const struct pfield plat_f[] = {
	{ "name", "name|平台名称|名称|载体名称", FT_TEXT, PF_REQ | PF_KEY, 0, 0, 200 },
	{ "kind", "kind|平台类型|类型|类别", FT_TEXT, PF_REQ, 0, 0, 100 },
	{ "level", "level|级别|层级", FT_ENUM, PF_REQ, 0, LEVELS, 0 },
	{ "region_id", "region|地区|所在地区|县区", FT_REGION, 0, 0, 0, 0 },
	{ "institute_id", "institute|依托院所|合作院所|大院大所", FT_INSTITUTE, 0, 0, 0, 0 },
	{ "enterprise_id", "enterprise|依托企业|依托单位|企业", FT_ENTERPRISE, 0, 0, 0, 0 },
	{ "approved_on", "approved_on|批准时间|认定时间|批准日期|获批时间", FT_DATE, 0, 0, 0, 0 },
};

static const struct pfield evt_f[] = {
	{ "title", "title|活动名称|名称|活动主题", FT_TEXT, PF_REQ | PF_KEY, 0, 0, 200 },
	{ "kind", "kind|活动类型|类型|形式", FT_TEXT, 0, "", 0, 100 },
	{ "held_on", "held_on|举办时间|日期|时间|举办日期", FT_DATE, PF_REQ | PF_KEY, 0, 0, 0 },
	{ "region_id", "region|地区|举办地|县区", FT_REGION, 0, 0, 0, 0 },
	{ "institute_id", "institute|合作院所|大院大所|参加院所", FT_INSTITUTE, 0, 0, 0, 0 },
	{ "participants", "participants|参加人数|人数|参与人数", FT_INT, 0, 0, 0, 0 },
};

static const struct pfield proj_f[] = {
	{ "title", "title|项目名称|名称", FT_TEXT, PF_REQ | PF_KEY, 0, 0, 200 },
	{ "mode", "mode|组织方式|合作方式|方式", FT_TEXT, 0, "", 0, 100 },
	{ "region_id", "region|地区|县区|所在地区", FT_REGION, 0, 0, 0, 0 },
	{ "institute_id", "institute|合作院所|大院大所|承担院所", FT_INSTITUTE, 0, 0, 0, 0 },
	{ "enterprise_id", "enterprise|合作企业|承担企业|企业", FT_ENTERPRISE, 0, 0, 0, 0 },
	{ "amount_cents", "amount|金额|合同金额|项目金额|投资额", FT_CENTS, 0, 0, 0, 0 },
	{ "started_on", "started_on|开始时间|立项时间|签约时间", FT_DATE, 0, 0, 0, 0 },
	{ "is_major", "is_major|重大项目|是否重大|重大成果产业化项目", FT_BOOL, 0, "0", 0, 0 },
	{ "status", "status|状态|进展|项目进展", FT_TEXT, 0, "", 0, 100 },
};

static const struct pfield ach_f[] = {
	{ "name", "name|成果名称|名称", FT_TEXT, PF_REQ | PF_KEY, 0, 0, 200 },
	{ "institute_id", "institute|大院大所名称|大院大所|院所", FT_INSTITUTE, PF_KEY, 0, 0, 0 },
	{ "lab", "lab|成果所在院/系/实验室|所在院系|实验室", FT_TEXT, 0, "", 0, 200 },
	{ "lead", "lead|研发负责人|负责人", FT_TEXT, 0, "", 0, 100 },
	{ "lead_title", "lead_title|职务职称|职称", FT_TEXT, 0, "", 0, 100 },
	{ "phone", "phone|联系电话|电话", FT_TEXT, 0, "", 0, 64 },
	{ "field", "field|所属领域|领域", FT_ENUM, 0, "其他",
	  "电子信息;能源环保;装备制造;生物技术与新医药:生物技术与新医药|生物医药;新材料;现代农业;民生用品;其他", 0 },
	{ "stage", "stage|所处阶段|阶段", FT_ENUM, 0, "其他", "研制;试生产;小批量生产;批量生产;其他", 0 },
	{ "summary", "summary|简介|成果简介", FT_TEXT, 0, "", 0, 500 },
	{ "fit", "fit|与区镇的契合情况|契合情况", FT_TEXT, 0, "", 0, 300 },
	{ "promotion_plan", "promotion_plan|推介计划", FT_TEXT, 0, "", 0, 200 },
	{ "region_id", "region|填报区镇|地区|区镇", FT_REGION, 0, 0, 0, 0 },
	{ "filed_by", "filed_by|填报人及联系电话|填报人", FT_TEXT, 0, "", 0, 100 },
	{ "filed_on", "filed_on|填报时间|填报日期", FT_DATE, 0, 0, 0, 0 },
};

static const struct pfield tt_f[] = {
	{ "task_id", "task|任务|任务名称|考核任务", FT_TASK, PF_REQ | PF_KEY, 0, 0, 0 },
	{ "region_id", "region|地区|区镇|县区", FT_REGION, PF_REQ | PF_KEY, 0, 0, 0 },
	{ "year_from", "year_from|起始年|开始年份|起始年份", FT_YEAR, PF_REQ | PF_KEY, 0, 0, 0 },
	{ "year_to", "year_to|截止年|结束年份|截止年份", FT_YEAR, PF_REQ | PF_KEY, 0, 0, 0 },
	{ "comparator", "comparator|比较|比较符", FT_ENUM, 0, ">=", CMPS, 0 },
	{ "value", "value|目标值|目标|任务数", FT_REAL, PF_REQ, 0, 0, 0 },
	{ "doc_id", "doc|文件|依据文件|文号", FT_DOC, 0, 0, 0, 0 },
	{ "note", "note|备注|说明", FT_TEXT, 0, "", 0, 0 },
};

static const struct pfield reg_f[] = {
	{ "code", "code|代码|编码|区划代码", FT_TEXT, PF_REQ | PF_KEY, 0, 0, 32 },
	{ "name", "name|名称|地区名称|地区", FT_TEXT, PF_REQ, 0, 0, 100 },
	{ "kind", "kind|类型|类别|层级", FT_ENUM, PF_REQ, 0,
	  "province:省;city:市|地级市;county:县;county_city:县级市;district:区|市辖区;park:园区|开发区;"
	  "township:乡镇|镇|乡|街道", 0 },
	{ "parent_id", "parent|上级|上级地区|上级代码", FT_REGION_CODE, 0, 0, 0, 0 },
	{ "aliases", "aliases|别名|简称", FT_TEXT, 0, "", 0, 200 },
	{ "sort", "sort|排序|序号", FT_INT, 0, "0", 0, 0 },
};

static const struct profile P_obs = { N_("observations"), "observation", obs_f, N(obs_f),
	"(SELECT sort FROM indicator WHERE id = t.indicator_id), t.indicator_id, t.region_id, t.period_end, t.period",
	"(SELECT name FROM indicator WHERE id = t.indicator_id) || ' ' || "
	"(SELECT name FROM region WHERE id = t.region_id) || ' ' || t.period" };
static const struct profile P_tgt = { N_("targets"), "target", tgt_f, N(tgt_f),
	"(SELECT sort FROM indicator WHERE id = t.indicator_id), t.indicator_id, t.region_id, t.year, t.doc_id",
	"(SELECT name FROM indicator WHERE id = t.indicator_id) || ' ' || "
	"(SELECT name FROM region WHERE id = t.region_id) || ' ' || t.year" };
static const struct profile P_ent = { N_("enterprises"), "enterprise", ent_f, N(ent_f), "t.id",
	"t.uscc || ' ' || t.name" };
static const struct profile P_tal = { N_("talents"), "talent", tal_f, N(tal_f), "t.id", "t.name" };
static const struct profile P_inst = { N_("institutes"), "institute", inst_f, N(inst_f), "t.id", "t.name" };
static const struct profile P_part = { N_("partnerships"), "partnership", part_f, N(part_f), "t.id",
	"(SELECT name FROM region WHERE id = t.region_id) || ' - ' || "
	"(SELECT name FROM institute WHERE id = t.institute_id)" };
static const struct profile P_plat = { N_("platforms"), "platform", plat_f, N(plat_f), "t.id", "t.name" };
static const struct profile P_evt = { N_("events"), "event", evt_f, N(evt_f), "t.id",
	"t.title || ' ' || t.held_on" };
static const struct profile P_proj = { N_("projects"), "project", proj_f, N(proj_f), "t.id", "t.title" };
static const struct profile P_ach = { N_("achievements"), "achievement", ach_f, N(ach_f), "t.id", "t.name" };
static const struct profile P_tt = { N_("task-targets"), "task_target", tt_f, N(tt_f), "t.id",
	"(SELECT name FROM task WHERE id = t.task_id) || ' ' || "
	"(SELECT name FROM region WHERE id = t.region_id) || ' ' || t.year_from || '-' || t.year_to" };
static const struct profile P_reg = { N_("regions"), "region", reg_f, N(reg_f), "t.sort, t.id",
	"t.code || ' ' || t.name" };

const struct profile *const profiles[] = {
	&P_obs, &P_tgt, &P_ent, &P_tal, &P_inst, &P_part, &P_plat, &P_evt, &P_proj, &P_ach, &P_tt,
	&P_reg, NULL
};

const struct profile *profile_find(const char *kind)
{
	for (const struct profile *const *p = profiles; *p; p++)
		if (strcmp((*p)->kind, kind) == 0 || strcmp((*p)->table, kind) == 0)
			return *p;
	if (strcmp(kind, "task_targets") == 0)
		return &P_tt;
	return NULL;
}

char *profile_fold_header(const char *header, char **unit)
{
	char *f = fold_name(header);
	size_t n = strlen(f);
	if (unit != NULL)
		*unit = NULL;
	/* a required-field star from a template: *企业名称 */
	while (n > 0 && f[n - 1] == '*')
		f[--n] = '\0';
	if (f[0] == '*')
		memmove(f, f + 1, n--);
	/* a unit in brackets at the end: 金额(万元), 比例[%] */
	if (n > 0 && (f[n - 1] == ')' || f[n - 1] == ']')) {
		char open = f[n - 1] == ')' ? '(' : '[';
		char *o = strrchr(f, open);
		if (o != NULL && o != f) {
			if (unit != NULL)
				*unit = xstrndup(o + 1, (size_t)(f + n - 1 - (o + 1)));
			*o = '\0';
		}
	}
	return f;
}

int profile_match(const struct profile *p, const char *header, char **unit)
{
	char *f = profile_fold_header(header, unit);
	int hit = -1;
	for (size_t i = 0; i < p->n && hit < 0; i++)
		if (!(p->f[i].flags & PF_DERIVED) && *f && fold_match(f, "", p->f[i].names))
			hit = (int)i;
	free(f);
	if (hit < 0 && unit != NULL) {
		free(*unit);
		*unit = NULL;
	}
	return hit;
}

char *profile_name(const struct pfield *f, int chinese)
{
	const char *s = f->names;
	const char *bar = strchr(s, '|');
	if (chinese && bar != NULL) {
		s = bar + 1;
		bar = strchr(s, '|');
	}
	return bar ? xstrndup(s, (size_t)(bar - s)) : xstrdup(s);
}

/* Find in "stored:l1|l2;stored2;..." the entry of a stored value or of a label. */
static const char *enum_walk(const struct pfield *f, const char *want_folded, const char *want_stored,
                             char *buf, size_t size)
{
	const char *p = f->enums;
	while (p && *p) {
		const char *semi = strchr(p, ';');
		size_t len = semi ? (size_t)(semi - p) : strlen(p);
		char *entry = xstrndup(p, len);
		char *eq = strchr(entry, ':');
		const char *labels = eq ? eq + 1 : entry;
		if (eq)
			*eq = '\0';
		const char *hit = NULL;
		if (want_stored && strcmp(entry, want_stored) == 0) {
			const char *bar = strchr(labels, '|');
			snprintf(buf, size, "%.*s", bar ? (int)(bar - labels) : (int)strlen(labels), labels);
			hit = buf;
		} else if (want_folded && fold_match(want_folded, entry, labels)) {
			snprintf(buf, size, "%s", entry);
			hit = buf;
		}
		free(entry);
		if (hit)
			return hit;
		p += len + (semi ? 1 : 0);
	}
	return NULL;
}

const char *profile_enum_value(const struct pfield *f, const char *cell, char *buf, size_t size)
{
	char *folded = fold_name(cell);
	const char *r = enum_walk(f, folded, NULL, buf, size);
	free(folded);
	return r;
}

const char *profile_enum_label(const struct pfield *f, const char *stored, char *buf, size_t size)
{
	const char *r = enum_walk(f, NULL, stored, buf, size);
	if (r == NULL)
		snprintf(buf, size, "%s", stored);
	return buf;
}

char *profile_enum_list(const struct pfield *f)
{
	struct sbuf b = { 0 };
	const char *p = f->enums;
	while (*p) {
		const char *semi = strchr(p, ';');
		size_t len = semi ? (size_t)(semi - p) : strlen(p);
		const char *eq = memchr(p, ':', len);
		const char *lab = eq ? eq + 1 : p;
		size_t ll = (size_t)(p + len - lab);
		const char *bar = memchr(lab, '|', ll);
		sbuf_printf(&b, "%s%.*s", b.len ? ", " : "", bar ? (int)(bar - lab) : (int)ll, lab);
		p += len + (semi ? 1 : 0);
	}
	return sbuf_take(&b);
}
