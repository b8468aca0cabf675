/* strings_zh.c: Chinese for the messages of tui/ (added with
 * i18n_add_table when the full-screen program starts). */
#include "config.h"

#include <stddef.h>

#include "tui/strings.h"

const struct i18n_pair tui_strings_zh[] = {
	/* frame */
	{ "Innovation policy ledger", "科技创新政策台账" },
	{ "Help", "帮助" },
	{ "Quit", "退出" },
	{ "Close", "关闭" },
	{ "Keys", "按键" },
	{ "Action", "作用" },
	{ "Show the keys of this screen", "显示本屏幕的按键" },
	{ "Quit innotrack", "退出 innotrack" },
	{ "Same as F1..F9 and F10 (for terminals that swallow F-keys)",
	  "等同 F1..F9 和 F10（终端收不到功能键时使用）" },
	{ "Move between the menu and the work pane", "在菜单和工作区之间切换" },
	{ "Draw the whole screen again", "重画整个屏幕" },
	{ "Close this window", "关闭本窗口" },
	{ "Terminal too small (need %dx%d, have %dx%d)", "终端太小（至少 %dx%d，现在 %dx%d）" },
	{ "Enlarge the window, or press q to quit", "请放大窗口，或按 q 退出" },
	/* table */
	{ "(no rows)", "（无记录）" },
	{ "row", "行" },
	{ "columns", "列" },
	/* the indicator section */
	{ "Indicators", "指标" },
	{ "Indicator", "指标" },
	{ "Unit", "单位" },
	{ "Baseline", "基期" },
	{ "Target", "目标" },
	{ "Conflict", "冲突" },
	{ "Actual", "实际" },
	{ "Progress", "进度" },
	{ "Status", "状态" },
	{ "Previous or next indicator", "上一个或下一个指标" },
	{ "A screenful up or down", "向上或向下翻一屏" },
	{ "First or last indicator", "第一个或最后一个指标" },
	{ "Scroll the columns sideways (the indicator stays)", "左右滚动各列（指标列不动）" },
	{ "Every target of the indicator, with its document", "该指标的全部目标及其文件" },
	{ "Region", "地区" },
	{ "Choose the region", "选择地区" },
	{ "Prev", "上期" },
	{ "Previous period", "上一期" },
	{ "Next", "下期" },
	{ "Next period", "下一期" },
	{ "Yr/Qtr", "年/季" },
	{ "Switch between years and quarters", "在年度和季度之间切换" },
	{ "(Conflict column) other documents set a different target for that year",
	  "（冲突列）其他文件对同一年定了不同的目标" },
	{ "every region", "全部地区" },
	{ "This database has no regions", "本数据库没有地区" },
	{ "Kind", "类别" },
	{ "Province", "省" },
	{ "City", "市" },
	{ "County", "县" },
	{ "County-level city", "县级市" },
	{ "District", "区" },
	{ "Park", "园区" },
	{ "Township", "乡镇" },
	{ "Document", "文件" },
	{ "Issued", "印发日期" },
	{ "Year", "年份" },
	{ "in force", "生效" },
	{ "not in force", "未生效" },
	{ "No target for this indicator in this region", "该地区没有这个指标的目标" },
	{ NULL, NULL }
};
