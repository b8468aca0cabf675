/* profile.c: the description of every kind of record (see profile.h).
 * Designated initialisers, one field a line or two, in the order export
 * writes the columns; the register shows the PF_NAME field first. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/fold.h"
#include "core/i18n.h"
#include "core/profile.h"
#include "core/util.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const struct pfield obs_f[] = {
	{ .col = "indicator_id", .key = "indicator", .en = "Indicator", .zh = "指标",
	  .aliases = "指标名称|指标项",
	  .type = FT_INDICATOR, .flags = PF_NAME | PF_REQ | PF_KEY, .width = 24 },
	{ .col = "region_id", .key = "region", .en = "Region", .zh = "地区",
	  .aliases = "区域|县区|县（市、区）|县(市、区)|县市区|单位|地区名称|单位名称",
	  .type = FT_REGION, .flags = PF_REQ | PF_KEY },
	{ .col = "period", .key = "period", .en = "Period", .zh = "时期",
	  .aliases = "期间|期别|报告期|统计期|时间|年度|季度",
	  .type = FT_PERIOD, .flags = PF_REQ | PF_KEY },
	{ .col = "period_end", .key = "period_end", .en = "Period end", .zh = "期末日",
	  .type = FT_PERIOD_END, .flags = PF_DERIVED },
	{ .col = "value", .key = "value", .en = "Value", .zh = "数值",
	  .aliases = "本期值|指标值|实际值|完成值|数据",
	  .type = FT_REAL },
	{ .col = "note", .key = "note", .en = "Note", .zh = "备注",
	  .aliases = "说明",
	  .type = FT_TEXT, .dflt = "" },
};

static const struct pfield tgt_f[] = {
	{ .col = "indicator_id", .key = "indicator", .en = "Indicator", .zh = "指标",
	  .aliases = "指标名称",
	  .type = FT_INDICATOR, .flags = PF_NAME | PF_REQ | PF_KEY, .width = 24 },
	{ .col = "region_id", .key = "region", .en = "Region", .zh = "地区",
	  .aliases = "区域|县区|县（市、区）",
	  .type = FT_REGION, .flags = PF_REQ | PF_KEY },
	{ .col = "year", .key = "year", .en = "Year", .zh = "目标年",
	  .aliases = "目标年份|年份|年度",
	  .type = FT_YEAR, .flags = PF_REQ | PF_KEY },
	{ .col = "comparator", .key = "comparator", .en = "Cmp", .zh = "比较",
	  .aliases = "比较符|关系",
	  .type = FT_ENUM, .dflt = "=", .choices = &CH_CMP },
	{ .col = "value", .key = "value", .en = "Target", .zh = "目标值",
	  .aliases = "target|目标",
	  .type = FT_REAL, .flags = PF_REQ },
	{ .col = "baseline_year", .key = "baseline_year", .en = "Base year", .zh = "基期年",
	  .aliases = "基期年份",
	  .type = FT_YEAR },
	{ .col = "baseline", .key = "baseline", .en = "Baseline", .zh = "基期值",
	  .aliases = "基期",
	  .type = FT_REAL },
	{ .col = "doc_id", .key = "doc", .en = "Document", .zh = "文件",
	  .aliases = "依据文件|文号|政策文件",
	  .type = FT_DOC, .flags = PF_REQ | PF_KEY },
	{ .col = "note", .key = "note", .en = "Note", .zh = "备注",
	  .aliases = "说明",
	  .type = FT_TEXT, .dflt = "" },
};

static const struct pfield ent_f[] = {
	{ .col = "uscc", .key = "uscc", .en = "USCC", .zh = "统一社会信用代码",
	  .aliases = "社会信用代码|信用代码|credit_code",
	  .type = FT_USCC, .flags = PF_REQ | PF_KEY, .width = 18 },
	{ .col = "name", .key = "name", .en = "Name", .zh = "企业名称",
	  .aliases = "名称|单位名称|企业",
	  .type = FT_TEXT, .flags = PF_NAME | PF_REQ, .maxlen = 200, .width = 24 },
	{ .col = "region_id", .key = "region", .en = "Region", .zh = "所在地区",
	  .aliases = "地区|县区|所属县区|所在县区|区域|县（市、区）",
	  .type = FT_REGION },
	{ .col = "industry", .key = "industry", .en = "Industry", .zh = "所属行业",
	  .aliases = "行业|产业领域|领域|行业领域",
	  .type = FT_TEXT, .dflt = "", .maxlen = 100 },
	{ .col = "tier", .key = "tier", .en = "Tier", .zh = "梯次",
	  .aliases = "培育梯次|企业类型|类别|企业类别",
	  .type = FT_ENUM, .dflt = "none", .choices = &CH_TIER, .width = 12 },
	{ .col = "reserve_gazelle", .key = "reserve_gazelle", .en = "Gazelle pool", .zh = "瞪羚后备库",
	  .aliases = "瞪羚企业后备库|瞪羚后备",
	  .type = FT_BOOL, .dflt = "0" },
	{ .col = "reserve_unicorn", .key = "reserve_unicorn", .en = "Unicorn pool", .zh = "独角兽后备库",
	  .aliases = "独角兽企业后备库|独角兽后备",
	  .type = FT_BOOL, .dflt = "0" },
	{ .col = "leading", .key = "leading", .en = "Leading", .zh = "高科技领军企业",
	  .aliases = "领军企业",
	  .type = FT_BOOL, .dflt = "0" },
	{ .col = "little_giant", .key = "little_giant", .en = "Little giant", .zh = "专精特新小巨人",
	  .aliases = "小巨人|专精特新“小巨人”",
	  .type = FT_BOOL, .dflt = "0" },
	{ .col = "tsme_reg_no", .key = "tsme_reg_no", .en = "Tech SME no.", .zh = "科技型中小企业入库编号",
	  .aliases = "入库编号|入库登记编号|科技型中小企业入库登记编号",
	  .type = FT_TEXT, .maxlen = 64 },
	{ .col = "hte_cert_no", .key = "hte_cert_no", .en = "Certificate no.", .zh = "高新技术企业证书编号",
	  .aliases = "证书编号|高企证书编号",
	  .type = FT_TEXT, .maxlen = 64 },
	{ .col = "hte_cert_date", .key = "hte_cert_date", .en = "Certified", .zh = "发证日期",
	  .aliases = "高新技术企业发证日期|认定日期|证书日期|发证时间",
	  .type = FT_DATE },
	{ .col = "has_rnd_inst", .key = "has_rnd_inst", .en = "R&D unit", .zh = "研发机构",
	  .aliases = "是否建有研发机构|有无研发机构",
	  .type = FT_BOOL, .dflt = "0" },
	{ .col = "contact", .key = "contact", .en = "Contact", .zh = "联系人",
	  .aliases = "企业联系人|联系人姓名",
	  .type = FT_TEXT, .maxlen = 50 },
	{ .col = "phone", .key = "phone", .en = "Phone", .zh = "联系电话",
	  .aliases = "电话|手机|联系方式",
	  .type = FT_TEXT, .maxlen = 32 },
	{ .col = "note", .key = "note", .en = "Note", .zh = "备注",
	  .type = FT_TEXT, .dflt = "" },
};

/* A firm's figures for a year: what R&D intensity, growth and the gazelle
 * criteria (core/ladder.h) are computed from. */
static const struct pfield ey_f[] = {
	{ .col = "enterprise_id", .key = "enterprise", .en = "Enterprise", .zh = "企业",
	  .aliases = "企业名称|统一社会信用代码|社会信用代码",
	  .type = FT_ENTERPRISE, .flags = PF_NAME | PF_REQ | PF_KEY | PF_OWNER, .width = 24 },
	{ .col = "year", .key = "year", .en = "Year", .zh = "年度",
	  .aliases = "年份|统计年度",
	  .type = FT_YEAR, .flags = PF_REQ | PF_KEY },
	{ .col = "revenue_cents", .key = "revenue", .en = "Revenue", .zh = "营业收入",
	  .aliases = "主营业务收入|营业总收入",
	  .type = FT_CENTS, .width = 12 },
	{ .col = "rnd_cents", .key = "rnd", .en = "R&D spending", .zh = "研发费用",
	  .aliases = "研发经费支出|研发投入|R&D经费支出",
	  .type = FT_CENTS, .width = 12 },
	{ .col = "employees", .key = "employees", .en = "Employees", .zh = "从业人员",
	  .aliases = "从业人数|职工人数|员工人数",
	  .type = FT_INT },
	{ .col = "has_rnd_inst", .key = "has_rnd_inst", .en = "R&D unit", .zh = "研发机构",
	  .aliases = "是否建有研发机构|有无研发机构",
	  .type = FT_BOOL },
};

/* The gazelle criteria (core/ladder.h): a pack's file and its import. */
static const struct pfield gz_f[] = {
	{ .col = "key", .key = "key", .en = "Criterion", .zh = "条件",
	  .aliases = "认定条件|指标",
	  .type = FT_ENUM, .flags = PF_NAME | PF_REQ | PF_KEY, .choices = &CH_GAZELLE_RULE, .width = 24 },
	{ .col = "value", .key = "value", .en = "Value", .zh = "数值",
	  .aliases = "标准|下限",
	  .type = FT_REAL, .flags = PF_REQ },
	{ .col = "note", .key = "note", .en = "Note", .zh = "备注",
	  .aliases = "说明|依据",
	  .type = FT_TEXT, .dflt = "" },
};

static const struct pfield tal_f[] = {
	{ .col = "name", .key = "name", .en = "Name", .zh = "姓名",
	  .aliases = "人才姓名|名称",
	  .type = FT_TEXT, .flags = PF_NAME | PF_REQ | PF_KEY, .maxlen = 100, .width = 24 },
	{ .col = "id_no", .key = "id_no", .en = "ID no.", .zh = "证件号码",
	  .aliases = "身份证号|护照号|身份证号码",
	  .type = FT_TEXT, .flags = PF_KEY, .maxlen = 32 },
	{ .col = "category", .key = "category", .en = "Category", .zh = "人才类别",
	  .aliases = "类别|类型",
	  .type = FT_ENUM, .flags = PF_REQ, .choices = &CH_TALENT_CATEGORY, .width = 10 },
	{ .col = "mode", .key = "mode", .en = "Mode", .zh = "引进方式",
	  .aliases = "方式|引才方式",
	  .type = FT_ENUM, .dflt = "fulltime", .choices = &CH_TALENT_MODE },
	{ .col = "is_foreign", .key = "is_foreign", .en = "Foreign", .zh = "外籍",
	  .aliases = "是否外籍|外国专家",
	  .type = FT_BOOL, .dflt = "0" },
	{ .col = "institute_id", .key = "institute", .en = "Institute", .zh = "来源单位",
	  .aliases = "大院大所|来源院所|所属院所",
	  .type = FT_INSTITUTE },
	{ .col = "enterprise_id", .key = "enterprise", .en = "Enterprise", .zh = "服务企业",
	  .aliases = "企业|用人企业",
	  .type = FT_ENTERPRISE },
	{ .col = "host", .key = "host", .en = "Host", .zh = "服务单位",
	  .aliases = "用人单位|依托单位",
	  .type = FT_TEXT, .dflt = "", .maxlen = 200 },
	{ .col = "region_id", .key = "region", .en = "Region", .zh = "地区",
	  .aliases = "所在地区|县区|县（市、区）",
	  .type = FT_REGION },
	{ .col = "stage", .key = "stage", .en = "Stage", .zh = "阶段",
	  .aliases = "进展|状态",
	  .type = FT_ENUM, .dflt = "contact", .choices = &CH_TALENT_STAGE },
	{ .col = "introduced_on", .key = "introduced_on", .en = "Introduced", .zh = "引进时间",
	  .aliases = "引进日期|到岗时间",
	  .type = FT_DATE },
};

static const struct pfield inst_f[] = {
	{ .col = "name", .key = "name", .en = "Name", .zh = "院所名称",
	  .aliases = "名称|单位名称|大院大所名称|高校院所",
	  .type = FT_TEXT, .flags = PF_NAME | PF_REQ | PF_KEY, .maxlen = 200, .width = 24 },
	{ .col = "kind", .key = "kind", .en = "Kind", .zh = "类型",
	  .aliases = "类别|单位类型",
	  .type = FT_ENUM, .dflt = "institute", .choices = &CH_INST_KIND },
	{ .col = "location", .key = "location", .en = "Location", .zh = "所在地",
	  .aliases = "地址|所在城市",
	  .type = FT_TEXT, .dflt = "", .maxlen = 200 },
	{ .col = "aliases", .key = "aliases", .en = "Aliases", .zh = "简称",
	  .aliases = "别名",
	  .type = FT_TEXT, .dflt = "", .maxlen = 200 },
	{ .col = "fields", .key = "fields", .en = "Fields", .zh = "优势领域",
	  .aliases = "研究领域|领域",
	  .type = FT_TEXT, .dflt = "", .maxlen = 500 },
	{ .col = "country", .key = "country", .en = "Country", .zh = "国别",
	  .aliases = "国家|所属国家",
	  .type = FT_TEXT, .dflt = "", .maxlen = 64 },
};

static const struct pfield part_f[] = {
	{ .col = "region_id", .key = "region", .en = "Region", .zh = "地区",
	  .aliases = "县区|合作地区|区县|县（市、区）",
	  .type = FT_REGION, .flags = PF_REQ | PF_KEY },
	{ .col = "institute_id", .key = "institute", .en = "Institute", .zh = "合作院所",
	  .aliases = "大院大所|院所名称|合作单位",
	  .type = FT_INSTITUTE, .flags = PF_NAME | PF_REQ | PF_KEY },
	{ .col = "long_term", .key = "long_term", .en = "Long-term", .zh = "长期合作单位",
	  .aliases = "是否长期合作|长期合作",
	  .type = FT_BOOL, .dflt = "0" },
	{ .col = "since", .key = "since", .en = "Since", .zh = "合作时间",
	  .aliases = "签约时间|签约日期",
	  .type = FT_DATE },
	{ .col = "agreement", .key = "agreement", .en = "Agreement", .zh = "合作协议",
	  .aliases = "协议名称|协议",
	  .type = FT_TEXT, .dflt = "", .maxlen = 200 },
	{ .col = "plan_doc_id", .key = "plan_doc", .en = "Planned by", .zh = "计划文件",
	  .aliases = "计划对接文件",
	  .type = FT_DOC },
};

static const struct pfield plat_f[] = {
	{ .col = "name", .key = "name", .en = "Name", .zh = "平台名称",
	  .aliases = "名称|载体名称",
	  .type = FT_TEXT, .flags = PF_NAME | PF_REQ | PF_KEY, .maxlen = 200, .width = 24 },
	{ .col = "kind", .key = "kind", .en = "Kind", .zh = "平台类型",
	  .aliases = "类型|类别",
	  .type = FT_TEXT, .flags = PF_REQ, .maxlen = 100 },
	{ .col = "level", .key = "level", .en = "Level", .zh = "级别",
	  .aliases = "层级",
	  .type = FT_ENUM, .flags = PF_REQ, .choices = &CH_LEVEL },
	{ .col = "region_id", .key = "region", .en = "Region", .zh = "地区",
	  .aliases = "所在地区|县区|县（市、区）",
	  .type = FT_REGION },
	{ .col = "institute_id", .key = "institute", .en = "Institute", .zh = "依托院所",
	  .aliases = "合作院所|大院大所",
	  .type = FT_INSTITUTE },
	{ .col = "enterprise_id", .key = "enterprise", .en = "Enterprise", .zh = "依托企业",
	  .aliases = "依托单位|企业",
	  .type = FT_ENTERPRISE },
	{ .col = "approved_on", .key = "approved_on", .en = "Approved", .zh = "批准时间",
	  .aliases = "认定时间|批准日期|获批时间",
	  .type = FT_DATE },
};

static const struct pfield evt_f[] = {
	{ .col = "title", .key = "title", .en = "Title", .zh = "活动名称",
	  .aliases = "名称|活动主题",
	  .type = FT_TEXT, .flags = PF_NAME | PF_REQ | PF_KEY, .maxlen = 200, .width = 24 },
	{ .col = "kind", .key = "kind", .en = "Kind", .zh = "活动类型",
	  .aliases = "类型|形式",
	  .type = FT_TEXT, .dflt = "", .maxlen = 100 },
	{ .col = "held_on", .key = "held_on", .en = "Held on", .zh = "举办时间",
	  .aliases = "日期|时间|举办日期",
	  .type = FT_DATE, .flags = PF_REQ | PF_KEY },
	{ .col = "region_id", .key = "region", .en = "Region", .zh = "地区",
	  .aliases = "举办地|县区|县（市、区）",
	  .type = FT_REGION },
	{ .col = "institute_id", .key = "institute", .en = "Institute", .zh = "合作院所",
	  .aliases = "大院大所|参加院所",
	  .type = FT_INSTITUTE },
	{ .col = "participants", .key = "participants", .en = "Participants", .zh = "参加人数",
	  .aliases = "人数|参与人数",
	  .type = FT_INT },
};

static const struct pfield proj_f[] = {
	{ .col = "title", .key = "title", .en = "Title", .zh = "项目名称",
	  .aliases = "名称",
	  .type = FT_TEXT, .flags = PF_NAME | PF_REQ | PF_KEY, .maxlen = 200, .width = 24 },
	{ .col = "mode", .key = "mode", .en = "Form", .zh = "组织方式",
	  .aliases = "合作方式|方式|组织形式",
	  .type = FT_ENUM, .dflt = "", .choices = &CH_PROJ_FORM },
	{ .col = "region_id", .key = "region", .en = "Region", .zh = "地区",
	  .aliases = "县区|所在地区|县（市、区）",
	  .type = FT_REGION },
	{ .col = "institute_id", .key = "institute", .en = "Institute", .zh = "合作院所",
	  .aliases = "大院大所|承担院所",
	  .type = FT_INSTITUTE },
	{ .col = "enterprise_id", .key = "enterprise", .en = "Enterprise", .zh = "合作企业",
	  .aliases = "承担企业|企业",
	  .type = FT_ENTERPRISE },
	{ .col = "amount_cents", .key = "amount", .en = "Amount", .zh = "金额",
	  .aliases = "合同金额|项目金额|投资额",
	  .type = FT_CENTS },
	{ .col = "started_on", .key = "started_on", .en = "Started", .zh = "开始时间",
	  .aliases = "立项时间|签约时间",
	  .type = FT_DATE },
	{ .col = "is_major", .key = "is_major", .en = "Major", .zh = "重大项目",
	  .aliases = "是否重大|重大成果产业化项目",
	  .type = FT_BOOL, .dflt = "0" },
	{ .col = "status", .key = "status", .en = "Status", .zh = "状态",
	  .aliases = "进展|项目进展",
	  .type = FT_TEXT, .dflt = "", .maxlen = 100 },
};

static const struct pfield ach_f[] = {
	{ .col = "name", .key = "name", .en = "Name", .zh = "成果名称",
	  .aliases = "名称|科技成果名称",
	  .type = FT_TEXT, .flags = PF_NAME | PF_REQ | PF_KEY, .maxlen = 200, .width = 24 },
	{ .col = "institute_id", .key = "institute", .en = "Institute", .zh = "大院大所名称",
	  .aliases = "大院大所|院所",
	  .type = FT_INSTITUTE, .flags = PF_KEY },
	{ .col = "lab", .key = "lab", .en = "Lab", .zh = "成果所在院/系/实验室",
	  .aliases = "所在院系|实验室",
	  .type = FT_TEXT, .dflt = "", .maxlen = 200 },
	{ .col = "lead", .key = "lead", .en = "Lead", .zh = "研发负责人",
	  .aliases = "负责人|科技成果研发负责人",
	  .type = FT_TEXT, .dflt = "", .maxlen = 100 },
	{ .col = "lead_title", .key = "lead_title", .en = "Lead title", .zh = "职务职称",
	  .aliases = "职称|职务、职称",
	  .type = FT_TEXT, .dflt = "", .maxlen = 100 },
	{ .col = "phone", .key = "phone", .en = "Phone", .zh = "联系电话",
	  .aliases = "电话",
	  .type = FT_TEXT, .dflt = "", .maxlen = 64 },
	{ .col = "field", .key = "field", .en = "Field", .zh = "所属领域",
	  .aliases = "领域|科技成果所属领域",
	  .type = FT_ENUM, .dflt = "其他", .choices = &CH_ACH_FIELD },
	{ .col = "stage", .key = "stage", .en = "Stage", .zh = "所处阶段",
	  .aliases = "阶段|科技成果所处阶段",
	  .type = FT_ENUM, .dflt = "其他", .choices = &CH_ACH_STAGE },
	{ .col = "summary", .key = "summary", .en = "Summary", .zh = "简介",
	  .aliases = "成果简介|科技成果及研发团队简介",
	  .type = FT_TEXT, .dflt = "", .maxlen = 500 },
	{ .col = "fit", .key = "fit", .en = "Fit", .zh = "与区镇的契合情况",
	  .aliases = "契合情况|科技成果与区镇的契合情况说明",
	  .type = FT_TEXT, .dflt = "", .maxlen = 300 },
	{ .col = "promotion_plan", .key = "promotion_plan", .en = "Promotion plan", .zh = "推介计划",
	  .aliases = "科技成果在区镇推介计划",
	  .type = FT_TEXT, .dflt = "", .maxlen = 200 },
	{ .col = "region_id", .key = "region", .en = "Region", .zh = "填报区镇",
	  .aliases = "地区|区镇",
	  .type = FT_REGION },
	{ .col = "filed_by", .key = "filed_by", .en = "Filed by", .zh = "填报人及联系电话",
	  .aliases = "填报人",
	  .type = FT_TEXT, .dflt = "", .maxlen = 100 },
	{ .col = "filed_on", .key = "filed_on", .en = "Filed on", .zh = "填报时间",
	  .aliases = "填报日期",
	  .type = FT_DATE },
};

static const struct pfield tt_f[] = {
	{ .col = "task_id", .key = "task", .en = "Task", .zh = "任务",
	  .aliases = "任务名称|考核任务",
	  .type = FT_TASK, .flags = PF_NAME | PF_REQ | PF_KEY, .width = 24 },
	{ .col = "region_id", .key = "region", .en = "Region", .zh = "地区",
	  .aliases = "区镇|县区|区镇/部门|县（市、区）",
	  .type = FT_REGION, .flags = PF_REQ | PF_KEY },
	{ .col = "year_from", .key = "year_from", .en = "From", .zh = "起始年",
	  .aliases = "开始年份|起始年份",
	  .type = FT_YEAR, .flags = PF_REQ | PF_KEY },
	{ .col = "year_to", .key = "year_to", .en = "To", .zh = "截止年",
	  .aliases = "结束年份|截止年份",
	  .type = FT_YEAR, .flags = PF_REQ | PF_KEY },
	{ .col = "comparator", .key = "comparator", .en = "Cmp", .zh = "比较",
	  .aliases = "比较符",
	  .type = FT_ENUM, .dflt = ">=", .choices = &CH_CMP },
	{ .col = "value", .key = "value", .en = "Value", .zh = "目标值",
	  .aliases = "目标|任务数",
	  .type = FT_REAL, .flags = PF_REQ },
	{ .col = "doc_id", .key = "doc", .en = "Document", .zh = "文件",
	  .aliases = "依据文件|文号",
	  .type = FT_DOC },
	{ .col = "note", .key = "note", .en = "Note", .zh = "备注",
	  .aliases = "说明",
	  .type = FT_TEXT, .dflt = "" },
	{ .col = "outside_total", .key = "outside_total", .en = "Outside totals", .zh = "不计入总计",
	  .aliases = "不计入合计",
	  .type = FT_BOOL, .dflt = "0" },
	{ .col = "responsible", .key = "responsible", .en = "Responsible", .zh = "责任单位",
	  .aliases = "责任部门|牵头单位",
	  .type = FT_TEXT, .dflt = "", .maxlen = 200 },
	{ .col = "sub_name", .key = "sub_name", .en = "Of which", .zh = "其中",
	  .aliases = "其中含",
	  .type = FT_TEXT, .dflt = "", .maxlen = 100 },
	{ .col = "sub_value", .key = "sub_value", .en = "Of which target", .zh = "其中目标",
	  .type = FT_REAL },
	{ .col = "sub_counter", .key = "sub_counter", .en = "Of which counted from", .zh = "其中计数规则",
	  .type = FT_ENUM, .choices = &CH_COUNTER, .width = 14 },
};

static const struct pfield reg_f[] = {
	{ .col = "code", .key = "code", .en = "Code", .zh = "代码",
	  .aliases = "编码|区划代码",
	  .type = FT_TEXT, .flags = PF_REQ | PF_KEY, .maxlen = 32 },
	{ .col = "name", .key = "name", .en = "Name", .zh = "名称",
	  .aliases = "地区名称|地区",
	  .type = FT_TEXT, .flags = PF_NAME | PF_REQ, .maxlen = 100 },
	{ .col = "kind", .key = "kind", .en = "Kind", .zh = "类型",
	  .aliases = "类别|层级",
	  .type = FT_ENUM, .flags = PF_REQ, .choices = &CH_REGION_KIND },
	{ .col = "parent_id", .key = "parent", .en = "Parent", .zh = "上级",
	  .aliases = "上级地区|上级代码",
	  .type = FT_REGION_CODE },
	{ .col = "aliases", .key = "aliases", .en = "Aliases", .zh = "别名",
	  .aliases = "简称",
	  .type = FT_TEXT, .dflt = "", .maxlen = 200 },
	{ .col = "sort", .key = "sort", .en = "Order", .zh = "排序",
	  .aliases = "序号",
	  .type = FT_INT, .dflt = "0" },
};
/* Columns the registers show beside the fields: computed, never imported or edited. */
static const struct pfield obs_view[] = {
	{ .col = "unit", .key = "unit", .en = "Unit", .zh = "单位", .type = FT_TEXT, .flags = PF_VIEW,
	  .expr = "(SELECT unit FROM indicator WHERE id = t.indicator_id)", .width = 4 },
};

/* A partnership a document planned is signed once it has a date. */
static const struct pfield part_view[] = {
	{ .col = "signed", .key = "signed", .en = "Signed", .zh = "已签约", .type = FT_BOOL,
	  .flags = PF_VIEW, .expr = "t.since IS NOT NULL" },
};

static const struct pfield evt_view[] = {
	{ .col = "parties", .key = "parties", .en = "Parties", .zh = "参加单位数", .type = FT_INT,
	  .flags = PF_VIEW, .expr = "(SELECT count(*) FROM event_party WHERE event_id = t.id)" },
};

static const struct pfield ent_view[] = {
	{ .col = "hte_valid_to", .key = "hte_valid_to", .en = "Valid to", .zh = "有效期至",
	  .type = FT_DATE, .flags = PF_VIEW, .expr = "date(t.hte_cert_date, '+3 years')",
	  .sort = "t.hte_cert_date" },
};

/* R&D intensity and growth over the year before, computed. */
static const struct pfield ey_view[] = {
	{ .col = "rnd_pct", .key = "rnd_pct", .en = "R&D %", .zh = "研发强度%",
	  .type = FT_REAL, .flags = PF_VIEW, .width = 8,
	  .expr = "CASE WHEN t.revenue_cents > 0 THEN round(100.0 * t.rnd_cents / t.revenue_cents, 2) END" },
	{ .col = "growth_pct", .key = "growth_pct", .en = "Growth %", .zh = "营收增长%",
	  .type = FT_REAL, .flags = PF_VIEW, .width = 8,
	  .expr = "(SELECT CASE WHEN p.revenue_cents > 0 THEN round(100.0 * (t.revenue_cents - p.revenue_cents)"
	          " / p.revenue_cents, 1) END FROM enterprise_year p"
	          " WHERE p.enterprise_id = t.enterprise_id AND p.year = t.year - 1)" },
};

static const struct pfield ind_f[] = {
	{ .col = "code", .key = "code", .en = "Code", .zh = "代码", .aliases = "编码|指标代码",
	  .type = FT_TEXT, .flags = PF_REQ | PF_KEY, .maxlen = 32, .width = 10 },
	{ .col = "name", .key = "name", .en = "Name", .zh = "指标名称", .aliases = "名称|指标",
	  .type = FT_TEXT, .flags = PF_NAME | PF_REQ, .maxlen = 100, .width = 24 },
	{ .col = "unit", .key = "unit", .en = "Unit", .zh = "单位", .aliases = "计量单位",
	  .type = FT_TEXT, .dflt = "", .maxlen = 16, .width = 4 },
	{ .col = "category", .key = "category", .en = "Category", .zh = "类别", .aliases = "分类|类型",
	  .type = FT_TEXT, .dflt = "", .maxlen = 32, .width = 6 },
	{ .col = "direction", .key = "direction", .en = "Direction", .zh = "方向", .aliases = "指标方向",
	  .type = FT_ENUM, .dflt = "higher", .choices = &CH_DIRECTION },
	{ .col = "kind", .key = "kind", .en = "Kind", .zh = "数据类型", .aliases = "指标类型",
	  .type = FT_ENUM, .dflt = "count", .choices = &CH_IND_KIND },
	{ .col = "nature", .key = "nature", .en = "Stock or flow", .zh = "时点或累计",
	  .aliases = "指标性质|统计口径", .type = FT_ENUM, .dflt = "stock", .choices = &CH_IND_NATURE },
	{ .col = "rollup", .key = "rollup", .en = "Roll-up", .zh = "汇总方式", .aliases = "汇总",
	  .type = FT_ENUM, .dflt = "none", .choices = &CH_ROLLUP },
	{ .col = "numerator", .key = "numerator", .en = "Numerator", .zh = "分子指标",
	  .type = FT_TEXT, .maxlen = 100, .width = 12 },
	{ .col = "denominator", .key = "denominator", .en = "Denominator", .zh = "分母指标",
	  .type = FT_TEXT, .maxlen = 100, .width = 12 },
	{ .col = "min_value", .key = "min", .en = "Lowest", .zh = "下限", .aliases = "最小值",
	  .type = FT_REAL },
	{ .col = "max_value", .key = "max", .en = "Highest", .zh = "上限", .aliases = "最大值",
	  .type = FT_REAL },
	{ .col = "whole", .key = "whole", .en = "Whole", .zh = "整数", .aliases = "是否整数",
	  .type = FT_BOOL, .dflt = "0" },
	{ .col = "counter", .key = "counter", .en = "Counted from", .zh = "计数规则",
	  .type = FT_ENUM, .choices = &CH_COUNTER, .width = 14 },
	{ .col = "aliases", .key = "aliases", .en = "Aliases", .zh = "别名", .aliases = "简称",
	  .type = FT_TEXT, .dflt = "", .maxlen = 500 },
	{ .col = "note", .key = "note", .en = "Note", .zh = "备注", .aliases = "说明",
	  .type = FT_TEXT, .dflt = "" },
	{ .col = "sort", .key = "sort", .en = "Order", .zh = "排序", .aliases = "序号",
	  .type = FT_INT, .dflt = "0" },
};

static const struct pfield doc_f[] = {
	{ .col = "code", .key = "code", .en = "Code", .zh = "代码", .aliases = "编码|文件代码",
	  .type = FT_TEXT, .flags = PF_REQ | PF_KEY, .maxlen = 32, .width = 10 },
	{ .col = "number", .key = "number", .en = "Number", .zh = "文号", .aliases = "发文字号",
	  .type = FT_TEXT, .maxlen = 64, .width = 18 },
	{ .col = "short_name", .key = "short_name", .en = "Short name", .zh = "简称",
	  .aliases = "文件简称", .type = FT_TEXT, .flags = PF_NAME | PF_REQ, .maxlen = 100,
	  .width = 24 },
	{ .col = "title", .key = "title", .en = "Title", .zh = "标题", .aliases = "文件名称|文件标题",
	  .type = FT_TEXT, .flags = PF_REQ, .maxlen = 300, .width = 30 },
	{ .col = "issuer", .key = "issuer", .en = "Issuer", .zh = "发文单位", .aliases = "印发单位",
	  .type = FT_TEXT, .flags = PF_REQ, .maxlen = 100, .width = 16 },
	{ .col = "issued_on", .key = "issued_on", .en = "Issued", .zh = "印发日期",
	  .aliases = "发文日期|发布日期", .type = FT_DATE, .flags = PF_REQ },
};

static const struct pfield task_f[] = {
	{ .col = "code", .key = "code", .en = "Code", .zh = "代码", .aliases = "编码|任务代码",
	  .type = FT_TEXT, .flags = PF_REQ | PF_KEY, .maxlen = 32, .width = 10 },
	{ .col = "name", .key = "name", .en = "Name", .zh = "任务名称", .aliases = "名称|任务",
	  .type = FT_TEXT, .flags = PF_NAME | PF_REQ, .maxlen = 100, .width = 24 },
	{ .col = "unit", .key = "unit", .en = "Unit", .zh = "单位", .aliases = "计量单位",
	  .type = FT_TEXT, .dflt = "", .maxlen = 16, .width = 4 },
	{ .col = "category", .key = "category", .en = "Category", .zh = "类别", .aliases = "分类",
	  .type = FT_TEXT, .dflt = "", .maxlen = 32, .width = 8 },
	{ .col = "doc_id", .key = "doc", .en = "Document", .zh = "文件", .aliases = "依据文件|文号",
	  .type = FT_DOC },
	{ .col = "counter", .key = "counter", .en = "Counted from", .zh = "计数规则",
	  .type = FT_ENUM, .choices = &CH_COUNTER, .width = 14 },
	{ .col = "totals", .key = "totals", .en = "Totals row", .zh = "合计行",
	  .aliases = "有合计行",
	  .type = FT_BOOL, .dflt = "0" },
	{ .col = "note", .key = "note", .en = "Note", .zh = "备注", .aliases = "说明",
	  .type = FT_TEXT, .dflt = "" },
	{ .col = "sort", .key = "sort", .en = "Order", .zh = "排序", .aliases = "序号",
	  .type = FT_INT, .dflt = "0" },
};

/* A county clerk's figure for a task no register counts, one a year. */
static const struct pfield ta_f[] = {
	{ .col = "task_id", .key = "task", .en = "Task", .zh = "任务",
	  .aliases = "任务名称|考核任务",
	  .type = FT_TASK, .flags = PF_NAME | PF_REQ | PF_KEY, .width = 24 },
	{ .col = "region_id", .key = "region", .en = "Region", .zh = "地区",
	  .aliases = "区镇|县区",
	  .type = FT_REGION, .flags = PF_REQ | PF_KEY },
	{ .col = "period", .key = "period", .en = "Year", .zh = "年度",
	  .aliases = "年份|时期",
	  .type = FT_PERIOD, .flags = PF_REQ | PF_KEY },
	{ .col = "period_end", .key = "period_end", .en = "Period end", .zh = "期末日",
	  .type = FT_PERIOD_END, .flags = PF_DERIVED },
	{ .col = "value", .key = "value", .en = "Actual", .zh = "完成值",
	  .aliases = "实际值|完成数",
	  .type = FT_REAL, .flags = PF_REQ },
	{ .col = "sub_value", .key = "sub_value", .en = "Of which", .zh = "其中完成",
	  .aliases = "其中",
	  .type = FT_REAL },
	{ .col = "note", .key = "note", .en = "Note", .zh = "备注", .aliases = "说明",
	  .type = FT_TEXT, .dflt = "" },
};

/* How much each task weighs in a year's assessment, and its cap. */
static const struct pfield tw_f[] = {
	{ .col = "task_id", .key = "task", .en = "Task", .zh = "任务",
	  .aliases = "任务名称|考核任务",
	  .type = FT_TASK, .flags = PF_NAME | PF_REQ | PF_KEY, .width = 24 },
	{ .col = "year", .key = "year", .en = "Year", .zh = "考核年度",
	  .aliases = "年度|年份",
	  .type = FT_YEAR, .flags = PF_REQ | PF_KEY },
	{ .col = "weight", .key = "weight", .en = "Weight", .zh = "权重",
	  .aliases = "分值",
	  .type = FT_REAL, .flags = PF_REQ },
	{ .col = "cap_pct", .key = "cap_pct", .en = "Cap %", .zh = "完成率上限",
	  .aliases = "上限",
	  .type = FT_REAL, .dflt = "100" },
	{ .col = "note", .key = "note", .en = "Note", .zh = "备注", .aliases = "说明",
	  .type = FT_TEXT, .dflt = "" },
};

/* The institutes and firms taking part in a matchmaking event. */
static const struct pfield party_f[] = {
	{ .col = "event_id", .key = "event", .en = "Event", .zh = "对接活动",
	  .aliases = "活动|活动名称",
	  .type = FT_EVENT, .flags = PF_NAME | PF_REQ | PF_KEY | PF_OWNER, .width = 24 },
	{ .col = "institute_id", .key = "institute", .en = "Institute", .zh = "参加院所",
	  .aliases = "大院大所|院所",
	  .type = FT_INSTITUTE, .flags = PF_KEY },
	{ .col = "enterprise_id", .key = "enterprise", .en = "Enterprise", .zh = "参加企业",
	  .aliases = "企业",
	  .type = FT_ENTERPRISE, .flags = PF_KEY },
};

static const struct pfield des_f[] = {
	{ .col = "region_id", .key = "region", .en = "Region", .zh = "地区", .aliases = "县区|乡镇|县（市、区）",
	  .type = FT_REGION, .flags = PF_NAME | PF_REQ | PF_KEY },
	{ .col = "designation", .key = "designation", .en = "Designation", .zh = "称号",
	  .aliases = "创建类型|类型", .type = FT_ENUM, .flags = PF_REQ | PF_KEY,
	  .choices = &CH_DESIGNATION, .width = 14 },
	{ .col = "level", .key = "level", .en = "Level", .zh = "级别", .aliases = "层级",
	  .type = FT_ENUM, .flags = PF_REQ | PF_KEY, .choices = &CH_LEVEL },
	{ .col = "designated_on", .key = "designated_on", .en = "Designated", .zh = "命名日期",
	  .aliases = "认定日期|命名时间", .type = FT_DATE },
	{ .col = "doc_id", .key = "doc", .en = "Document", .zh = "命名文件",
	  .aliases = "文件|文号|依据文件", .type = FT_DOC },
};

static const struct pfield batch_f[] = {
	{ .col = "id", .key = "id", .en = "Batch", .zh = "批次", .type = FT_INT, .flags = PF_VIEW,
	  .expr = "t.id", .width = 5 },
	{ .col = "kind", .key = "kind", .en = "Kind", .zh = "类型", .type = FT_KIND,
	  .flags = PF_VIEW, .expr = "t.kind", .width = 8 },
	{ .col = "file_name", .key = "file", .en = "File", .zh = "文件", .type = FT_TEXT,
	  .flags = PF_NAME | PF_VIEW, .expr = "t.file_name", .width = 24 },
	{ .col = "rows_new", .key = "new", .en = "New", .zh = "新增", .type = FT_INT,
	  .flags = PF_VIEW, .expr = "t.rows_new" },
	{ .col = "rows_changed", .key = "changed", .en = "Changed", .zh = "修改", .type = FT_INT,
	  .flags = PF_VIEW, .expr = "t.rows_changed" },
	{ .col = "rows_unchanged", .key = "unchanged", .en = "Unchanged", .zh = "未变",
	  .type = FT_INT, .flags = PF_VIEW, .expr = "t.rows_unchanged" },
	{ .col = "login", .key = "login", .en = "By", .zh = "操作人", .type = FT_TEXT,
	  .flags = PF_VIEW, .expr = "t.login", .width = 8 },
	{ .col = "started_at", .key = "at", .en = "At", .zh = "时间", .type = FT_TEXT,
	  .flags = PF_VIEW, .expr = "t.started_at", .width = 19 },
	{ .col = "undone_at", .key = "undone", .en = "Undone", .zh = "撤销时间", .type = FT_TEXT,
	  .flags = PF_VIEW, .expr = "t.undone_at", .width = 19 },
};

/* The users of the ledger (core/users.h writes them; the audit and the
 * users screen show them by this description). */
static const struct pfield user_f[] = {
	{ .col = "login", .key = "login", .en = "Login", .zh = "登录名", .aliases = "用户名|账号",
	  .type = FT_TEXT, .flags = PF_NAME | PF_REQ | PF_KEY, .maxlen = 64, .width = 12 },
	{ .col = "role", .key = "role", .en = "Role", .zh = "角色",
	  .type = FT_ENUM, .flags = PF_REQ, .choices = &CH_ROLE, .width = 10 },
	{ .col = "region_id", .key = "region", .en = "Region", .zh = "地区",
	  .type = FT_REGION },
};

/* A mark that a region's register is complete from a day on (core/regfull.h,
 * `innotrack complete`): not a register, described for the audit. */
static const struct pfield full_f[] = {
	{ .col = "register", .key = "register", .en = "Register", .zh = "台账", .type = FT_KIND },
	{ .col = "region_id", .key = "region", .en = "Region", .zh = "地区", .type = FT_REGION },
	{ .col = "as_of", .key = "as_of", .en = "As of", .zh = "起始日期", .type = FT_DATE },
	{ .col = "complete", .key = "complete", .en = "Complete", .zh = "已列全", .type = FT_BOOL },
};

static const struct menu_group FIRMS = { "Firms & talent", "主体" },
	COOP = { "Cooperation", "产学研" },
	TASKS = { "Task tables", "考核" },
	LEDGER = { "Ledger", "台账" };

#define NAME_OF(tbl, id) "(SELECT name FROM " tbl " WHERE id = t." id ")"
#define KIND(var, kind_, table_, en_, zh_, fields, order_, label_, flags_, ...) \
	static const struct profile var = { .kind = kind_, .table = table_, .en = en_, .zh = zh_, \
		.f = fields, .n = N(fields), .order = order_, .label = label_, .flags = flags_, \
		__VA_ARGS__ }

KIND(P_obs, N_("observations"), "observation", "Actuals", "实际值", obs_f,
     "(SELECT sort FROM indicator WHERE id = t.indicator_id), t.indicator_id, t.region_id,"
     " t.period_end, t.period",
     NAME_OF("indicator", "indicator_id") " || ' ' || " NAME_OF("region", "region_id")
     " || ' ' || t.period", PK_IMPORT | PK_EDIT, .view = obs_view, .nview = N(obs_view), .group = &LEDGER);
KIND(P_tgt, N_("targets"), "target", "Targets", "目标", tgt_f,
     "(SELECT sort FROM indicator WHERE id = t.indicator_id), t.indicator_id, t.region_id,"
     " t.year, t.doc_id",
     NAME_OF("indicator", "indicator_id") " || ' ' || " NAME_OF("region", "region_id")
     " || ' ' || t.year", PK_IMPORT | PK_EDIT, .group = &LEDGER);
KIND(P_ent, N_("enterprises"), "enterprise", "Enterprises", "企业", ent_f, "t.id",
     "t.uscc || ' ' || t.name", PK_IMPORT | PK_EDIT, .view = ent_view, .nview = N(ent_view), .group = &FIRMS);
KIND(P_ey, N_("enterprise-years"), "enterprise_year", "Yearly figures", "年报", ey_f,
     "t.enterprise_id, t.year", NAME_OF("enterprise", "enterprise_id") " || ' ' || t.year",
     PK_IMPORT | PK_EDIT, .view = ey_view, .nview = N(ey_view), .group = &FIRMS);
KIND(P_tal, N_("talents"), "talent", "Talents", "人才", tal_f, "t.id", "t.name",
     PK_IMPORT | PK_EDIT, .group = &FIRMS);
KIND(P_inst, N_("institutes"), "institute", "Institutes", "院所", inst_f, "t.id", "t.name",
     PK_IMPORT | PK_EDIT | PK_LOCAL_ADD, .group = &COOP);
KIND(P_part, N_("partnerships"), "partnership", "Partnerships", "合作", part_f, "t.id",
     NAME_OF("region", "region_id") " || ' - ' || " NAME_OF("institute", "institute_id"),
     PK_IMPORT | PK_EDIT, .view = part_view, .nview = N(part_view), .group = &COOP);
KIND(P_plat, N_("platforms"), "platform", "Platforms", "平台", plat_f, "t.id", "t.name",
     PK_IMPORT | PK_EDIT, .group = &COOP);
KIND(P_evt, N_("events"), "event", "Events", "活动", evt_f, "t.id", "t.title || ' ' || t.held_on",
     PK_IMPORT | PK_EDIT, .view = evt_view, .nview = N(evt_view), .group = &COOP);
KIND(P_party, N_("event-parties"), "event_party", "Event parties", "参加方", party_f,
     "t.event_id, t.id",
     "(SELECT title FROM event WHERE id = t.event_id) || ' - ' || coalesce("
     NAME_OF("institute", "institute_id") ", " NAME_OF("enterprise", "enterprise_id") ")",
     PK_IMPORT | PK_EDIT, .group = &COOP);
KIND(P_proj, N_("projects"), "project", "Projects", "项目", proj_f, "t.id", "t.title",
     PK_IMPORT | PK_EDIT, .group = &COOP);
KIND(P_ach, N_("achievements"), "achievement", "Achievements", "成果", ach_f, "t.id", "t.name",
     PK_IMPORT | PK_EDIT, .group = &COOP);
KIND(P_tt, N_("task-targets"), "task_target", "Task tables", "任务表", tt_f, "t.id",
     NAME_OF("task", "task_id") " || ' ' || " NAME_OF("region", "region_id")
     " || ' ' || t.year_from || '-' || t.year_to", PK_IMPORT | PK_EDIT, .group = &TASKS);
KIND(P_reg, N_("regions"), "region", "Regions", "地区", reg_f, "t.sort, t.id",
     "t.code || ' ' || t.name", PK_IMPORT | PK_EDIT, .group = &LEDGER);
KIND(P_ind, N_("indicators"), "indicator", "Indicator list", "指标库", ind_f, "t.sort, t.id",
     "t.name", PK_IMPORT | PK_EDIT, .group = &LEDGER);
KIND(P_doc, N_("documents"), "policy_doc", "Documents", "文件", doc_f, "t.issued_on, t.id",
     "coalesce(t.number, t.short_name)", PK_IMPORT | PK_EDIT, .group = &LEDGER);
KIND(P_task, N_("tasks"), "task", "Tasks", "任务", task_f, "t.sort, t.id", "t.name",
     PK_IMPORT | PK_EDIT, .group = &TASKS);
KIND(P_ta, N_("task-actuals"), "task_actual", "Task actuals", "完成值", ta_f,
     "(SELECT sort FROM task WHERE id = t.task_id), t.task_id, t.region_id, t.period",
     NAME_OF("task", "task_id") " || ' ' || " NAME_OF("region", "region_id") " || ' ' || t.period",
     PK_IMPORT | PK_EDIT, .group = &TASKS);
KIND(P_tw, N_("task-weights"), "task_weight", "Task weights", "权重", tw_f,
     "t.year, (SELECT sort FROM task WHERE id = t.task_id), t.task_id",
     NAME_OF("task", "task_id") " || ' ' || t.year", PK_IMPORT | PK_EDIT, .group = &TASKS);
KIND(P_des, N_("designations"), "region_designation", "Designations", "称号", des_f, "t.id",
     NAME_OF("region", "region_id") " || ' ' || t.designation", PK_IMPORT | PK_EDIT, .group = &TASKS);
KIND(P_gz, N_("gazelle-rules"), "gazelle_rule", "Gazelle criteria", "瞪羚认定条件", gz_f, "t.id",
     "t.key", PK_IMPORT | PK_EDIT);
KIND(P_batch, N_("imports"), "import_batch", "Imports", "导入", batch_f, "t.id DESC",
     "t.file_name", 0, .group = &LEDGER);

KIND(P_user, N_("users"), "app_user", "Users", "用户", user_f, "t.role <> 'admin', t.login",
     "t.login", 0);

KIND(P_full, "register-complete", "register_complete", "Register complete", "台账齐全", full_f,
     "t.id", NAME_OF("region", "region_id") " || ' ' || t.as_of", 0);

const struct profile *const profiles[] = {
	&P_ent, &P_ey, &P_tal, &P_inst, &P_part, &P_plat, &P_evt, &P_party, &P_proj, &P_ach, &P_task,
	&P_tt, &P_ta, &P_tw, &P_des, &P_obs, &P_tgt, &P_ind, &P_doc, &P_reg, &P_gz, &P_batch, &P_user, NULL
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

const struct profile *profile_audited(const char *table)
{
	const struct profile *p = profile_find(table);
	if (p == NULL && strcmp(table, P_full.table) == 0)
		p = &P_full;
	return p;
}

const char *profile_title(const struct profile *p)
{
	return i18n_get() == LANG_ZH ? p->zh : p->en;
}

const char *profile_group(const struct profile *p)
{
	if (p->group == NULL)
		return NULL;
	return i18n_get() == LANG_ZH ? p->group->zh : p->group->en;
}

const char *profile_import_kinds(void)
{
	static char buf[512];   /* made anew: the separator is the language's */
	buf[0] = '\0';
	for (const struct profile *const *p = profiles; *p; p++)
		if ((*p)->flags & PK_IMPORT)
			snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s%s",
			         buf[0] ? tr(", ") : "", (*p)->kind);
	return buf;
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

/* Does a folded header name field f?  Its key, Chinese name, English
 * title or an alias. */
static int names_field(const char *folded, const struct pfield *f)
{
	return fold_match(folded, f->key, f->aliases) || fold_match(folded, f->zh, NULL) ||
	       fold_match(folded, f->en, NULL);
}

int profile_match(const struct profile *p, const char *header, char **unit)
{
	char *f = profile_fold_header(header, unit);
	int hit = -1;
	/* key and Chinese name first, so that an alias of one field that is
	 * another's own name (地区, 名称) does not take it */
	for (size_t i = 0; i < p->n && hit < 0 && *f; i++)
		if (!(p->f[i].flags & (PF_DERIVED | PF_VIEW)) &&
		    (fold_match(f, p->f[i].key, NULL) || fold_match(f, p->f[i].zh, NULL)))
			hit = (int)i;
	for (size_t i = 0; i < p->n && hit < 0 && *f; i++)
		if (!(p->f[i].flags & (PF_DERIVED | PF_VIEW)) && names_field(f, &p->f[i]))
			hit = (int)i;
	free(f);
	if (hit < 0 && unit != NULL) {
		free(*unit);
		*unit = NULL;
	}
	return hit;
}

int profile_field(const struct profile *p, const char *col)
{
	for (size_t i = 0; i < p->n; i++)
		if (strcmp(p->f[i].col, col) == 0)
			return (int)i;
	return -1;
}

char *profile_name(const struct pfield *f, int chinese)
{
	return xstrdup(chinese ? f->zh : f->key);
}

const char *profile_field_title(const struct pfield *f)
{
	return i18n_get() == LANG_ZH ? f->zh : f->en;
}

const char *profile_enum_value(const struct pfield *f, const char *folded, char *buf, size_t size)
{
	char *fo = fold_name(folded);
	const struct choice *c = f->choices ? choice_by_word(f->choices, fo) : NULL;
	free(fo);
	if (c == NULL)
		return NULL;
	snprintf(buf, size, "%s", c->value);
	return buf;
}

const char *profile_enum_label(const struct pfield *f, const char *stored, char *buf, size_t size)
{
	const struct choice *c = f->choices ? choice_by_value(f->choices, stored) : NULL;
	snprintf(buf, size, "%s", c ? c->zh : stored ? stored : "");
	return buf;
}

char *profile_enum_list(const struct pfield *f)
{
	return f->choices ? choice_list(f->choices) : xstrdup("");
}
