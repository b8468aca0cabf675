# gen_enterprises.awk: a large enterprise register as Excel would save it
# (UTF-8 with a BOM, CRLF), every USCC with a right check character.
# Usage: awk -v n=1000000 [-v from=1] -f gen_enterprises.awk > big.csv
# (from: the number of the first enterprise, so that files can be disjoint)
function uscc(i,    s, k, sum, c) {
	# 91 (enterprise) + 360200 (Jingdezhen) + a 9-character organisation code
	s = sprintf("91360200%09d", i)
	sum = 0
	for (k = 1; k <= 17; k++)
		sum += (index(CH, substr(s, k, 1)) - 1) * W[k]
	c = (31 - sum % 31) % 31
	return s substr(CH, c + 1, 1)
}
BEGIN {
	CH = "0123456789ABCDEFGHJKLMNPQRTUWXY"
	split("1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28", W, " ")
	split("乐平市 浮梁县 昌江区 珠山区 高新区 昌南新区", R, " ")
	split("先进陶瓷 航空 精细化工 生物医药 电子信息 智能制造 新材料 新能源", I, " ")
	split("科技型中小企业 高新技术企业 瞪羚企业 无", T, " ")
	if (n == "") n = 1000
	if (from == "") from = 1
	printf "\357\273\277统一社会信用代码,企业名称,所在地区,所属行业,梯次,高新技术企业证书编号,发证日期,研发机构\r\n"
	for (i = from; i < from + n; i++) {
		t = T[i % 4 + 1]
		cert = t == "高新技术企业" ? sprintf("GR20%02d36%06d,20%02d-%02d-%02d", 20 + i % 5, i % 1000000, 20 + i % 5, i % 12 + 1, i % 28 + 1) : ","
		printf "%s,景德镇市第%d号科技有限公司,%s,%s,%s,%s,%s\r\n", uscc(i), i, R[i % 6 + 1], I[i % 8 + 1], t, cert, (i % 3 ? "是" : "否")
	}
}
