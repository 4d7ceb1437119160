// Small formatting helpers shared by pages and components (Chinese labels for ids).
export const ROLE_LABELS = { lead: "牵头", participant: "配合", responsible: "负责" };
export const PEER_LABELS = { year: "同年份", province: "同省同年", all: "全部规划" };
export const GAP_LABELS = { category: "缺少的任务类别", requirement: "同类规划多数包含的要求", parent: "上级规划中未承接的要求" };
export const LEVEL_LABELS = { county: "县级", prefecture: "地市级", provincial: "省级", national: "国家级" };
export const STATUS_LABELS = { final: "正式", draft: "征求意见稿" };
export const DIFF_STATUS = { added: "新增", dropped: "删除", kept: "保留" };

export const KIND_LABELS = {
  "gov-office": "政府办公室", publicity: "宣传部/网信办", "development-reform": "发展改革", finance: "财政", audit: "审计", justice: "司法",
  "market-regulation": "市场监管", "data-services": "政务数据/信息中心", "service-center": "政务服务中心", "public-resources": "公共资源交易",
  "human-resources": "人力资源社保", health: "卫生健康", education: "教育", housing: "住房城乡建设", "natural-resources": "自然资源",
  ecology: "生态环境", agriculture: "农业农村", "rural-revitalization": "乡村振兴/扶贫", "civil-affairs": "民政", tax: "税务",
  "public-security": "公安", transport: "交通运输", "urban-management": "城管执法", "culture-tourism": "文广旅体", emergency: "应急管理",
  water: "水务水利", petitions: "信访", staffing: "编办", "financial-affairs": "金融", "industry-it": "工信/经信", "science-tech": "科技",
  expropriation: "征收", "leading-group": "政务公开领导小组", "public-enterprise": "公共企业", "zone-admin": "园区管委会",
  townships: "乡镇街道", "all-departments": "各部门（统称）", other: "其他",
};

export const kindLabel = (k) => KIND_LABELS[k] ?? k;
export const pct = (x) => (x == null ? "" : `${(x * 100).toFixed(x < 0.1 ? 1 : 0)}%`);
export const planLabel = (p) => `${p.region ?? "未识别地区"} ${p.year ?? ""}`;

export const DOMAIN_LABELS = {
  audit: "审计", "business-environment": "营商环境", "construction-projects": "重大建设项目", "culture-tourism": "文化旅游", debt: "政府债务",
  "economic-policy": "经济政策", education: "教育", employment: "就业", environment: "生态环境", epidemic: "疫情防控", fees: "收费",
  finance: "财政预决算", "food-drugs": "食品药品", general: "其他领域", health: "医疗卫生", "household-registration": "户籍",
  housing: "住房保障", land: "土地征收", livelihood: "民生实事", "market-regulation": "市场监管", pensions: "社保养老",
  planning: "规划", "policy-implementation": "政策落实", "public-enterprises": "公共企事业单位", "public-resources": "公共资源配置",
  "public-security": "公安治安", "rural-revitalization": "乡村振兴", safety: "安全生产", "science-tech": "科技", "social-assistance": "社会救助",
  "state-assets": "国有资产", statistics: "统计", subsidies: "惠民惠农补贴", tax: "税收", transport: "交通", water: "水利",
};
export const LAYOUT_LABELS = { "cell-lines": "逐格分行的表格", "table-rows": "整行表格", "prose-tags": "段落加责任单位标注", none: "未识别" };
export const domainLabel = (d) => DOMAIN_LABELS[d] ?? d;
