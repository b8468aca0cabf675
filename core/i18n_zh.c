/* i18n_zh.c: Chinese for the messages of core/ (report headers, statuses). */
#include "config.h"

#include <stddef.h>

#include "core/i18n_table.h"

const struct i18n_pair i18n_core_zh[] = {
	/* report columns */
	{ "indicator", "指标" },
	{ "unit", "单位" },
	{ "region", "地区" },
	{ "baseline_year", "基期年" },
	{ "baseline", "基期值" },
	{ "target_year", "目标年" },
	{ "target", "目标值" },
	{ "target_source", "目标来源" },
	{ "other_targets", "其他目标" },
	{ "period", "期间" },
	{ "actual", "实际值" },
	{ "progress_pct", "完成进度%" },
	{ "status", "状态" },
	/* statuses */
	{ "no target", "无目标" },
	{ "no data", "无数据" },
	{ "met", "已完成" },
	{ "on track", "正常" },
	{ "behind", "滞后" },
	{ "at risk", "风险" },
	{ NULL, NULL }
};
