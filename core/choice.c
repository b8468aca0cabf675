/* choice.c: the closed lists of the data model (see choice.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/choice.h"
#include "core/fold.h"
#include "core/i18n.h"
#include "core/util.h"

#define SET(name, ...) \
	static const struct choice name##_v[] = { __VA_ARGS__ }; \
	const struct choice_set name = { name##_v, sizeof name##_v / sizeof name##_v[0] }

/* The ladder the policy documents steer firms up; rank is the rung. */
SET(CH_TIER,
    { "none", "None", "无", "否|一般企业" },
    { "tech_sme", "Tech SME", "科技型中小企业", "科技型中小" },
    { "high_tech", "High-tech", "高新技术企业", "高企|国家高新技术企业" },
    { "gazelle", "Gazelle", "瞪羚企业", "瞪羚" },
    { "unicorn", "Unicorn", "独角兽企业", "独角兽" });

SET(CH_CMP,
    { "=", "=", "=", "等于" },
    { ">=", ">=", ">=", "≥|不低于|以上" },
    { "<=", "<=", "<=", "≤|不高于|以下" },
    { "~", "~", "~", "约|左右" });

SET(CH_LEVEL,
    { "national", "National", "国家级", "国家" },
    { "provincial", "Provincial", "省级", "省" },
    { "municipal", "Municipal", "市级", "市" });

SET(CH_TALENT_STAGE,
    { "contact", "Contact", "初步接洽", "接洽" },
    { "negotiating", "Negotiating", "洽谈中", "洽谈" },
    { "signed", "Signed", "已签约", "签约" },
    { "on_duty", "On duty", "已到岗", "到岗|在岗" },
    { "left", "Left", "已离开", "离开|离岗" });

SET(CH_TALENT_MODE,
    { "fulltime", "Full-time", "全职", "全职引进" },
    { "flexible", "Flexible", "柔性", "柔性引进|候鸟式" });

SET(CH_INST_KIND,
    { "university", "University", "高校", "大学|高等院校" },
    { "institute", "Institute", "科研院所", "研究所|院所" },
    { "academy", "Academy", "科学院", "中科院" },
    { "other", "Other", "其他", NULL });

SET(CH_REGION_KIND,
    { "province", "Province", "省", NULL },
    { "city", "City", "市", "地级市" },
    { "county", "County", "县", NULL },
    { "county_city", "County-level city", "县级市", NULL },
    { "district", "District", "区", "市辖区" },
    { "park", "Park", "园区", "开发区" },
    { "township", "Township", "乡镇", "镇|乡|街道" });

/* 003 附件1: the fields and stages are stored in Chinese, as the form has them */
SET(CH_ACH_FIELD,
    { "电子信息", "Electronics and IT", "电子信息", NULL },
    { "能源环保", "Energy and environment", "能源环保", NULL },
    { "装备制造", "Equipment", "装备制造", NULL },
    { "生物技术与新医药", "Biotech and medicine", "生物技术与新医药", "生物医药" },
    { "新材料", "New materials", "新材料", NULL },
    { "现代农业", "Modern agriculture", "现代农业", NULL },
    { "民生用品", "Consumer goods", "民生用品", NULL },
    { "其他", "Other", "其他", NULL });

SET(CH_ACH_STAGE,
    { "研制", "Development", "研制", "研制阶段" },
    { "试生产", "Trial production", "试生产", "试生产阶段" },
    { "小批量生产", "Small batches", "小批量生产", "小批量生产阶段" },
    { "批量生产", "Mass production", "批量生产", "批量生产阶段" },
    { "其他", "Other", "其他", NULL });

SET(CH_DIRECTION,
    { "higher", "Higher is better", "越大越好", "高|正向" },
    { "lower", "Lower is better", "越小越好", "低|逆向|反向" });

SET(CH_IND_KIND,
    { "count", "Count", "数量", NULL },
    { "amount", "Amount", "金额", NULL },
    { "percent", "Percent", "比例", "百分比" },
    { "ratio", "Ratio", "比值", NULL },
    { "rank", "Rank", "位次", "排名" });

/* What core counts from the registers for an indicator or a task, in
 * place of a typed figure (core/indview.c). */
SET(CH_COUNTER,
    { "hte_valid", "Valid high-tech certificates", "有效高企证书数", NULL },
    { "innovative_county_count", "Innovative counties", "创新型县数", NULL },
    { "innovative_county_pct", "Share of innovative counties", "创新型县占比", NULL },
    { "innovative_township_pct", "Share of innovative townships", "创新型乡镇占比", NULL },
    { "foreign_experts", "Foreign experts brought in", "引进外国专家数", NULL },
    { "long_term_partners", "Long-term partner institutes", "长期合作院所数", NULL });

SET(CH_DESIGNATION,
    { "innovative_county", "Innovative county", "创新型县（市、区）", "创新型县|创新型县市" },
    { "innovative_township", "Innovative township", "创新型乡镇", "创新型乡" });

const char *choice_label(const struct choice *c)
{
	return i18n_get() == LANG_ZH ? c->zh : c->en;
}

const struct choice *choice_by_value(const struct choice_set *s, const char *value)
{
	for (size_t i = 0; value != NULL && i < s->n; i++)
		if (strcmp(s->v[i].value, value) == 0)
			return &s->v[i];
	return NULL;
}

const struct choice *choice_by_word(const struct choice_set *s, const char *folded)
{
	for (size_t i = 0; i < s->n; i++) {
		const struct choice *c = &s->v[i];
		if (fold_match(folded, c->value, c->zh) || fold_match(folded, c->en, c->aliases))
			return c;
	}
	return NULL;
}

char *choice_list(const struct choice_set *s)
{
	struct sbuf b = { 0 };
	for (size_t i = 0; i < s->n; i++)
		sbuf_printf(&b, "%s%s", i ? (i18n_get() == LANG_ZH ? "、" : ", ") : "",
		            choice_label(&s->v[i]));
	return sbuf_take(&b);
}

/* Values and labels are the program's own text: no quote to escape. */
char *choice_label_sql(const struct choice_set *s, const char *expr)
{
	struct sbuf b = { 0 };
	sbuf_printf(&b, "CASE %s", expr);
	for (size_t i = 0; i < s->n; i++)
		sbuf_printf(&b, " WHEN '%s' THEN '%s'", s->v[i].value, choice_label(&s->v[i]));
	sbuf_printf(&b, " ELSE %s END", expr);
	return sbuf_take(&b);
}

/* The same text as the indexes of migration 003 use, so that SQLite
 * reads a sort by rank from the index. */
char *choice_rank_sql(const struct choice_set *s, const char *expr)
{
	struct sbuf b = { 0 };
	sbuf_printf(&b, "CASE %s", expr);
	for (size_t i = 0; i < s->n; i++)
		sbuf_printf(&b, " WHEN '%s' THEN %zu", s->v[i].value, i);
	sbuf_puts(&b, " END");
	return sbuf_take(&b);
}
