#!/bin/sh
# test_cli.sh: the command-line contract of DESIGN.md: init, report, exit statuses.
. "${top_srcdir:-.}/tests/lib.sh"

run() { "$INNOTRACK" "$@"; }

# --help, --version, bad usage
out=$(run --help); st=$?
is "$st" 0 "--help exits 0"
like "$out" "report \[--period P\]" "--help shows report's usage"
out=$(run --version); st=$?
is "$st" 0 "--version exits 0"
like "$out" "^innotrack [0-9]+\.[0-9]+" "--version names the version"
run --bogus >/dev/null 2>&1; is $? 2 "an unknown option exits 2"
run frobnicate >/dev/null 2>&1; is $? 2 "an unknown command exits 2"
run --lang fr report >/dev/null 2>&1; is $? 2 "--lang fr exits 2"

# the full-screen program refuses when stdout is not a terminal
err=$(run --db "$TMP/tty.db" 2>&1 >/dev/null </dev/null); st=$?
is "$st" 2 "full screen without a terminal exits 2"
like "$err" "terminal" "and says it needs a terminal"
[ ! -e "$TMP/tty.db" ]; ok $? "and creates no database"

# init
DB="$TMP/j.db"
out=$(run --db "$DB" init); is $? 0 "init creates the default database"
like "$out" "jingdezhen" "from the jingdezhen pack"
before=$(sqlite3 "$DB" "SELECT count(*) FROM target")
err=$(run --db "$DB" init --pack kunshan 2>&1); is $? 3 "init refuses an existing database"
like "$err" "will not overwrite" "and says so"
is "$(sqlite3 "$DB" "SELECT count(*) FROM target")" "$before" "and leaves it as it was"
run --db "$TMP/k.db" init --pack kunshan >/dev/null; is $? 0 "init --pack kunshan"
is "$(sqlite3 "$TMP/k.db" "SELECT count(*) FROM region WHERE parent_id IS NOT NULL")" 11 "kunshan has 11 区镇"
run --db "$TMP/n.db" init --pack nanchang >/dev/null; is $? 0 "init --pack nanchang"
err=$(run --db "$TMP/x.db" init --pack nosuch 2>&1); is $? 1 "init with an unknown pack exits 1"
like "$err" "no built-in pack called nosuch" "and names the pack"
[ ! -e "$TMP/x.db" ]; ok $? "and leaves no half-made database"
run --db "$TMP/e.db" init --empty >/dev/null; is $? 0 "init --empty"
is "$(sqlite3 "$TMP/e.db" "SELECT count(*) FROM region")" 0 "an empty database has no regions"

# a pack folder with a bad line names file, line and column
mkdir "$TMP/pack"; cp "$SRCDIR"/assets/packs/jingdezhen/*.csv "$TMP/pack/"
printf 'jdz-x,新区,county,nowhere,\n' >> "$TMP/pack/regions.csv"
err=$(run --db "$TMP/p.db" init --pack "$TMP/pack" 2>&1); is $? 1 "a bad pack folder exits 1"
like "$err" "regions.csv:9: column 4 parent: \"nowhere\"" "and names file, line and column"

# report --format csv
csv=$(run --db "$DB" report --format csv --lang en --period 2025); is $? 0 "report --format csv"
is "$(printf '%s\n' "$csv" | head -1)" \
   "indicator,unit,region,baseline_year,baseline,target_year,target,target_source,other_targets,period,actual,progress_pct,status" \
   "the CSV header has the contract's columns in order"
doc001=$(sqlite3 "$DB" "SELECT short_name FROM policy_doc WHERE number IS NULL")
has "$csv" "高新技术企业数量,家,景德镇市,2020,200,2025,300,$doc001,400 (景科字〔2022〕49号),2025,,,no data" \
     "高新技术企业数量: 300 in force, 400 of 景科字〔2022〕49号 beside it"
has "$csv" "R&D投入占GDP的比例,%,景德镇市,2020,2.2,2025,2.6,$doc001,2.5 (景科字〔2022〕49号),2025,,,no data" \
     "R&D投入占GDP的比例: 2.6 in force, 2.5 beside it"
has "$csv" "技术市场合同成交额,亿元,景德镇市,2020,13.1,2025,50,$doc001,30 (景科字〔2022〕49号),2025,,,no data" \
     "技术市场合同成交额: 50 in force, 30 beside it"
has "$csv" "科技型中小企业数量,家,景德镇市,2020,180,2025,500,$doc001,600 (景科字〔2022〕49号),2025,,,no data" \
     "科技型中小企业数量: 500 in force, 600 beside it"
like "$csv" "^综合科技创新水平,位,景德镇市,2020,2,2025,2,景科字〔2022〕49号,," "the province ranking"
like "$csv" "^万人R&D人员数,人年,景德镇市,2020,6,2025,6.5,景科字〔2022〕49号,," "万人R&D人员数"
like "$csv" "^每万人口高价值发明专利拥有量,件,景德镇市,2020,5.8,2025,8,景科字〔2022〕49号,," "高价值发明专利"
like "$csv" "^获批国家高新技术企业数,家,景德镇市,,,2023,80," "a 2023 target of 001"
is "$(printf '%s\n' "$csv" | awk -F, 'NR > 1 && NF != 13' | wc -l)" 0 "every row has 13 fields"

zh=$(run --db "$DB" report --format csv --lang zh | head -1)
is "$zh" "指标,单位,地区,基期年,基期值,目标年,目标值,目标来源,其他目标,期间,实际值,完成进度%,状态" \
   "headers follow the UI language"

# progress once figures are in (2023: 3 of 5 years gone, 60% expected)
sqlite3 "$DB" "INSERT INTO observation(indicator_id, region_id, period, period_end, value)
  SELECT id, (SELECT id FROM region WHERE code = 'jdz'), '2023', '2023-12-31', 260
  FROM indicator WHERE name = '高新技术企业数量'"
csv=$(run --db "$DB" report --format csv --lang en --period 2023)
like "$csv" "^高新技术企业数量,.*,2023,260,60,on track$" "an actual of 260 in 2023 is 60% and on track"
csv=$(run --db "$DB" report --format csv --lang en --period 2022)
like "$csv" "^高新技术企业数量,.*,2022,,,no data$" "a 2022 report does not see the 2023 figure"

# report options
out=$(run --db "$DB" report --region 乐平 --format csv --lang en); is $? 0 "report --region by alias"
is "$(printf '%s\n' "$out" | awk -F, 'NR > 1 && $3 != "乐平市"' | wc -l)" 0 "only that region's rows"
run --db "$DB" report --period 2025Q5 >/dev/null 2>&1; is $? 2 "a bad --period exits 2"
run --db "$DB" report --region 火星 >/dev/null 2>&1; is $? 2 "an unknown --region exits 2"
run --db "$DB" report --format pdf >/dev/null 2>&1; is $? 2 "an unknown --format exits 2"
run --db "$DB" report --lang en -o "$TMP/r.csv" --format csv; is $? 0 "report -o FILE"
is "$(head -c 3 "$TMP/r.csv" | od -An -tx1 | tr -d ' ')" "efbbbf" "a report file starts with a BOM for Excel"
is "$(head -1 "$TMP/r.csv" | tail -c 2 | od -An -tx1 | tr -d ' ')" "0d0a" "and has CRLF line ends"
text=$(run --db "$DB" report --lang zh --period 2025); is $? 0 "report as text"
like "$text" "高新技术企业数量 +家 +景德镇市 +200 \(2020\) +300 \(2025\) \*" "the text report marks the conflict"

# databases that cannot be used
run --db "$TMP/none.db" report >/dev/null 2>&1; is $? 3 "a missing database exits 3"
# a missing database is never created by a command, and the message is the clerk's language
for cmd in "report" "export regions" "import regions $SRCDIR/tests/fixtures/regions.csv" \
           "imports" "undo-import 1"; do
	err=$(LANG=zh_CN.UTF-8 run --db "$TMP/typo/none.db" $cmd 2>&1); st=$?
	is "$st" 3 "$cmd on a missing database exits 3"
	like "$err" "^innotrack: .*typo/none.db：没有这个数据库（新建请用：innotrack --db .* init）$" \
	     "... says so in Chinese, with the command that creates one"
	[ ! -e "$TMP/typo" ] && [ ! -e "$TMP/none.db" ]; ok $? "... and creates no file or folder"
done
err=$(run --db "$TMP/none.db" export regions -o "$TMP/none.csv" 2>&1); st=$?
is "$st" 3 "export -o FILE on a missing database exits 3"
[ ! -e "$TMP/none.db" ] && [ ! -e "$TMP/none.csv" ]; ok $? "... and writes neither file"
like "$err" "no such database" "... and says why in English under an English locale"
echo "not a database at all, just text" > "$TMP/junk.db"
err=$(run --db "$TMP/junk.db" report 2>&1); is $? 3 "a file that is not a database exits 3"
like "$err" "junk.db" "and names the file"
cp "$DB" "$TMP/newer.db"; sqlite3 "$TMP/newer.db" "PRAGMA user_version = 99"
err=$(run --db "$TMP/newer.db" report 2>&1); is $? 3 "a database from a newer innotrack exits 3"
like "$err" "newer innotrack" "and says why"
sqlite3 "$TMP/other.db" "CREATE TABLE enterprise(x)"
err=$(run --db "$TMP/other.db" report 2>&1); is $? 3 "another program's SQLite file exits 3"
like "$err" "not an innotrack database" "and says so"
is "$(sqlite3 "$TMP/other.db" "SELECT count(*) FROM sqlite_schema")" 1 "and is left as it was"
# report sections and formats
a=$(run --db "$DB" report --format csv --lang en --period 2025)
b=$(run --db "$DB" report --section indicators --format csv --lang en --period 2025)
is "$b" "$a" "--section indicators is the default report"
err=$(run --db "$DB" report --section nosuch 2>&1); is $? 2 "an unknown --section exits 2"
like "$err" "takes indicators" "and names the sections there are"
run --db "$DB" report --within x >/dev/null 2>&1; is $? 2 "a --within that is not days exits 2"
md=$(run --db "$DB" report --format markdown --lang en --period 2025); is $? 0 "report --format markdown"
like "$md" "^\| indicator \| unit \| region \|" "Markdown has the contract's columns as its header"
like "$md" "\| 高新技术企业数量 \| 家 \| 景德镇市 \| 2020 \| 200 \|" "and a row per indicator and region"
html=$(run --db "$DB" report --format html --lang en --period 2025); is $? 0 "report --format html"
like "$html" "<th>indicator</th><th>unit</th>" "HTML has the columns as table heads"
is "$(printf '%s\n' "$html" | grep -c '<tr>')" "$(($(printf '%s\n' "$a" | wc -l)))" "and a table row per CSV line"
mkdir "$TMP/out"
run --db "$DB" report --lang en --period 2025 --format csv --section indicators --section indicators -o "$TMP/out"
is $? 0 "report -o DIR"
is "$(tail -n +1 "$TMP/out/indicators.csv" | tr -d '\r' | sed '1s/^\xef\xbb\xbf//')" "$a" "writes DIR/SECTION.csv with the section's rows"
two=$(run --db "$DB" report --lang zh --period 2025 --section indicators --section indicators)
is "$(printf '%s\n' "$two" | grep -c '^== 指标 ==$')" 2 "several sections to one place each have a heading"

# INNOTRACK_DB is used when --db is not given
cp "$DB" "$INNOTRACK_DB"
run report --format csv >/dev/null; is $? 0 "INNOTRACK_DB names the default database"

done_testing
