#!/bin/sh
# test_pipelines.sh: the report sections enterprises, certificates and
# talents (their exact CSV columns with --lang en, and the figures), the
# moves an import makes on the ladder (dated by the file's period, gone
# with an undo), the yearly figures and the gazelle candidates, and the
# talent categories read from the counties' words.
. "${top_srcdir:-.}/tests/cli/tap.sh"
echo "1..45"
DB=$T/p.db
newdb p.db
q() { sqlite3 "$DB" "$1"; }
is() {      # is SQL WANT: the query gives WANT
	got=$(q "$1")
	[ "$got" = "$2" ] || { echo "$1: got '$got', wanted '$2'"; return 1; }
}
line() {    # line FILE N TEXT: line N of FILE is TEXT
	got=$(sed -n "$2p" "$1")
	[ "$got" = "$3" ] || { echo "line $2 of $1: got '$got', wanted '$3'"; cat "$1"; return 1; }
}
rep() { run 0 --db "$DB" --lang en report --format csv "$@"; }

ok "import the enterprises (title: 2025年第三季度)" \
	run 0 --db "$DB" import enterprises "$FX/enterprises.csv"
ok "... a firm the file adds has no move (when it came onto its rung is not known)" \
	is "SELECT count(*) FROM enterprise_stage" 0

# --- enterprises -----------------------------------------------------------
ok "enterprises: the CSV columns" rep --section enterprises --period 2025
ok "... exactly region,tier,count,target,missing" line "$T/out" 1 "region,tier,count,target,missing"
ok "... the city's tech SMEs against 500 (001, issued after 002's 600)" \
	has "$T/out" "景德镇市,tech_sme,1,500,499"
ok "... its valid high-tech certificates at the end of 2025 against 300" \
	has "$T/out" "景德镇市,high_tech,3,300,297"
ok "... 乐平市's certificate lapsed on 2025-12-02" has "$T/out" "乐平市,high_tech,0,,"
rows=$(sed 1d "$T/out" | wc -l)
ok "... four rungs for the city and each of its six counties and parks: 28 rows (got $rows)" \
	[ "$rows" = 28 ]
ok "at the end of 2025Q3 乐平市 still had it" rep --section enterprises --period 2025Q3
ok "... one" has "$T/out" "乐平市,high_tech,1,,"
ok "--region 浮梁县: that county alone" rep --section enterprises --period 2025 --region 浮梁县
ok "... four rows" [ "$(sed 1d "$T/out" | wc -l)" = 4 ]

# a later file moves 电子信息 up, with its new certificate
cat > "$T/q4.csv" <<'CSV'
景德镇市科技型企业台账（2025年第四季度）
统一社会信用代码,企业名称,所在地区,梯次,高新技术企业证书编号,发证日期,联系人,联系电话
91360200000000005A,景德镇电子信息科技有限公司,珠山区,高新技术企业,GR202536009999,2025-11-28,王敏,0798-8888888
CSV
ok "an import that changes a tier" run 0 --db "$DB" import enterprises "$T/q4.csv"
B=$(q "SELECT max(id) FROM import_batch")
ok "... records the move from tech SME, dated 2025-12-31" \
	is "SELECT from_tier, tier, entered_on FROM enterprise_stage WHERE batch_id = $B" \
	   "tech_sme|high_tech|2025-12-31"
ok "... the funnel of 2025 counts it" rep --section enterprises --period 2025
ok "... 珠山区 high-tech 1, tech SME 0" sh -c "grep -qx '珠山区,high_tech,1,,' '$T/out' &&
	grep -qx '珠山区,tech_sme,0,,' '$T/out'"
ok "... 2025Q3 still shows it a tech SME" rep --section enterprises --period 2025Q3
ok "... 珠山区 tech SME 1" has "$T/out" "珠山区,tech_sme,1,,"
ok "undo-import takes the move back" run 0 --db "$DB" undo-import "$B"
ok "... no move of that batch is left" \
	is "SELECT count(*) FROM enterprise_stage WHERE batch_id = $B" 0

# --- certificates ----------------------------------------------------------
ok "certificates: the CSV columns" rep --section certificates --period 2025Q4
ok "... exactly uscc,name,region,cert_no,issued_on,valid_to,days_left" \
	line "$T/out" 1 "uscc,name,region,cert_no,issued_on,valid_to,days_left"
ok "... the one that lapsed in the quarter, 29 days before its end" \
	line "$T/out" 2 "91360200000000001X,景德镇陶瓷新材料有限公司,乐平市,GR202236000123,2022-12-02,2025-12-02,-29"
ok "... and no other within 90 days" [ "$(wc -l < "$T/out")" = 2 ]
ok "--within 400 adds 浮梁县's, sorted by date" \
	rep --section certificates --period 2025Q4 --within 400
ok "... second, 336 days left" \
	line "$T/out" 3 '913602000000000021,"景德镇""航宇""无人机有限公司",浮梁县,GR202336000456,2023-12-02,2026-12-02,336'
ok "the text names the valid certificates per region and the share lapsing next year" \
	run 0 --db "$DB" --lang zh report --section certificates --period 2025Q4
ok "... 浮梁县: one valid, lapsing in 2026" has "$T/out" "浮梁县：2025-12-31有效证书1张，其中1张（100%）于2026年到期"

# --- talents ---------------------------------------------------------------
run 0 --db "$DB" import institutes "$FX/institutes.csv"
ok "talents of the counties' sheets" run 0 --db "$DB" import talents "$FX/talents.csv"
ok "... 科技副总, 外国专家, 科技特派员 are categories" \
	is "SELECT group_concat(category, ',') FROM (SELECT category FROM talent ORDER BY id)" \
	   "tech_vp,foreign_expert,commissioner"
cat > "$T/fx.csv" <<'CSV'
姓名,证件号码,人才类别,引进方式,地区,阶段,引进时间
Hans Weber,C01234567,外籍专家,柔性,浮梁县,已到岗,2025-04-01
Marie Dubois,C07654321,外国专家,全职,浮梁县,已到岗,2025-06-15
李强,360203199001011234,高层次科技领军人才,全职,浮梁县,已到岗,2025-05-20
Tom Lee,C00000001,外国专家,全职,浮梁县,已签约,2025-07-01
CSV
run 0 --db "$DB" import talents "$T/fx.csv"
ok "talents: exactly region,category,count,target,missing" \
	sh -c "'$BIN' --db '$DB' --lang en report --section talents --period 2025 --format csv > '$T/t.csv' &&
	[ \"\$(head -1 '$T/t.csv')\" = region,category,count,target,missing ]"
ok "... 浮梁县 brought in two foreign experts of its five, a high-level talent of ten" \
	sh -c "grep -qx '浮梁县,foreign_expert,2,5,3' '$T/t.csv' && grep -qx '浮梁县,high_level,1,10,9' '$T/t.csv'"
ok "... the city's foreign experts on duty against 30, its brokers against 150" \
	sh -c "grep -qx '景德镇市,foreign_expert,2,30,28' '$T/t.csv' && grep -qx '景德镇市,tech_broker,0,150,150' '$T/t.csv'"
ok "... a talent the file adds has no move" is "SELECT count(*) FROM talent_stage" 0
cat > "$T/fx2.csv" <<'CSV'
姓名,证件号码,人才类别,地区,阶段
Tom Lee,C00000001,外国专家,浮梁县,已到岗
CSV
ok "an import that changes a talent's stage" \
	run 0 --db "$DB" import talents "$T/fx2.csv" --period 2025Q3
B=$(q "SELECT max(id) FROM import_batch")
ok "... records the move to on duty, dated by the file's period, with the batch" \
	is "SELECT t.name, s.stage, s.on_date, s.batch_id = $B FROM talent_stage s JOIN talent t ON t.id = s.talent_id" \
	   "Tom Lee|on_duty|2025-09-30|1"
ok "... the foreign experts brought in by 2025Q3 count him" \
	sh -c "'$BIN' --db '$DB' --lang en report --section talents --period 2025 --format csv | grep -qx '浮梁县,foreign_expert,3,5,2'"
ok "undo-import takes the talent's move back" run 0 --db "$DB" undo-import "$B"
ok "... no move of that batch is left, the stage is signed again" \
	is "SELECT (SELECT count(*) FROM talent_stage), stage FROM talent WHERE name = 'Tom Lee'" "0|signed"

# --- yearly figures and the gazelle criteria -------------------------------
cat > "$T/years.csv" <<'CSV'
企业名称,年度,营业收入（万元）,研发费用（万元）,从业人员
景德镇电子信息科技有限公司,2021,1000,40,80
景德镇电子信息科技有限公司,2024,1800,90,120
景德镇智能装备有限公司,2021,5000,200,300
景德镇智能装备有限公司,2024,9000,400,400
景德镇生物医药有限公司,2021,3000,100,90
景德镇生物医药有限公司,2024,4000,150,95
CSV
ok "yearly figures import (万元 converted)" run 0 --db "$DB" import enterprise-years "$T/years.csv"
ok "... revenue kept in cents" \
	is "SELECT revenue_cents FROM enterprise_year WHERE year = 2024 ORDER BY revenue_cents LIMIT 1" \
	   1800000000
ok "the enterprises text lists the gazelle candidates" \
	run 0 --db "$DB" --lang zh report --section enterprises --period 2025
ok "... 电子信息 grew 21.6% a year: a candidate" \
	has "$T/out" "91360200000000005A 景德镇电子信息科技有限公司（珠山区，科技型中小企业）：营业收入2021—2024年年均增长21.6%"
ok "... 生物医药 (10% a year) and the gazelle 智能装备 are not" \
	sh -c "! grep -q '生物医药有限公司（' '$T/out' && ! grep -q '智能装备有限公司（' '$T/out' &&
	grep -q '瞪羚企业后备库候选.*：1家' '$T/out'"
ok "a category no list knows is refused, naming the column" \
	sh -c "printf '姓名,人才类别\n甲,园艺师\n' > '$T/bad.csv'; '$BIN' --db '$DB' import talents '$T/bad.csv' 2> '$T/bad.err'; [ \$? = 1 ] && grep -q '人才类别' '$T/bad.err'"
exit $((fails > 0))
