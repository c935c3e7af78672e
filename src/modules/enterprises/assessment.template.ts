/**
 * The security self-assessment: sections after the chapters of MOFCOM's 2010 rules on the security
 * of overseas Chinese-funded enterprises and their staff, and the clauses of ISO 31030:2021
 * (travel risk management). Questions are our own wording; each is weighted 1–3 by how much it
 * matters to people's safety. Answers: 0 not in place, 1 planned, 2 partly in place, 3 fully in place.
 */
export interface Localized {
  readonly 'zh-CN': string
  readonly en: string
}
export interface Question {
  readonly id: string
  readonly text: Localized
  readonly weight: 1 | 2 | 3
  readonly guidance: Localized
}
export interface Section {
  readonly code: string
  readonly title: Localized
  readonly source: string
  readonly questions: readonly Question[]
}

export const TEMPLATE_VERSION = 1

const q = (id: string, weight: 1 | 2 | 3, zh: string, en: string, gZh: string, gEn: string): Question => ({
  id,
  weight,
  text: { 'zh-CN': zh, en },
  guidance: { 'zh-CN': gZh, en: gEn },
})

export const SECTIONS: readonly Section[] = [
  {
    code: 'governance',
    title: { 'zh-CN': '安全责任与组织', en: 'Responsibility and leadership' },
    source: 'MOFCOM ch. 1 (general provisions); ISO 31030 cl. 5 (leadership, policy, roles)',
    questions: [
      q(
        'gov1',
        3,
        '企业是否制定了书面的境外安全管理制度，并由主要负责人签发？',
        'Is there a written overseas security policy signed by the head of the enterprise?',
        '由主要负责人签发境外安全管理制度，明确“谁派出、谁负责”。',
        'Have the head of the enterprise sign an overseas security policy that states "whoever sends is responsible".',
      ),
      q(
        'gov2',
        2,
        '每个境外项目是否指定了安全负责人并公布其联系方式？',
        'Does every site abroad have a named security officer whose contact details are known to staff?',
        '为每个项目指定安全负责人，并在本系统中登记其电话和电子邮件。',
        'Name a security officer for every site and record their phone and e-mail here.',
      ),
      q(
        'gov3',
        1,
        '安全工作是否有专门预算？',
        'Is there a budget set aside for security?',
        '在年度预算中单列安全经费（安保、培训、保险、撤离）。',
        'Set a yearly security budget line (guards, training, insurance, evacuation).',
      ),
    ],
  },
  {
    code: 'training',
    title: { 'zh-CN': '出国前安全培训', en: 'Pre-departure training' },
    source: 'MOFCOM ch. 2 (pre-departure training); ISO 31030 cl. 7.2–7.3 (competence, awareness)',
    questions: [
      q(
        'trn1',
        3,
        '所有派出人员出国前是否都接受了安全培训？',
        'Has everyone sent abroad taken security training before leaving?',
        '派出前完成安全培训并记录课程、日期和有效期。',
        'Train everyone before departure and record the course, date and expiry.',
      ),
      q(
        'trn2',
        2,
        '培训是否包括驻在国的法律、风俗和安全形势？',
        "Does the training cover the host country's laws, customs and security situation?",
        '结合驻在国安全提醒和指南编写培训内容。',
        "Build the course on the host country's advisories and guidance.",
      ),
      q(
        'trn3',
        1,
        '是否定期对当地雇员开展安全培训？',
        'Is local staff trained in security regularly?',
        '每年至少一次为当地雇员组织安全培训。',
        'Train local staff at least once a year.',
      ),
    ],
  },
  {
    code: 'risk_assessment',
    title: { 'zh-CN': '风险评估', en: 'Risk assessment' },
    source: 'MOFCOM ch. 3 (risk prevention); ISO 31030 cl. 6.4 (risk assessment)',
    questions: [
      q(
        'ra1',
        3,
        '是否对每个项目所在地开展了书面安全风险评估？',
        'Is there a written security risk assessment for every site?',
        '对每个项目评估威胁、脆弱性和影响，并形成书面报告。',
        'Assess threats, vulnerabilities and impact for every site, in writing.',
      ),
      q(
        'ra2',
        2,
        '风险评估是否至少每年更新，且在安全形势变化时重新评估？',
        'Is the assessment updated at least yearly and whenever the situation changes?',
        '每年复核，驻在国或地区安全提醒级别提高时立即复核。',
        "Review yearly, and at once when the country's or region's advisory level rises.",
      ),
      q(
        'ra3',
        2,
        '是否关注外交部和使领馆发布的安全提醒？',
        'Does someone follow the advisories of the ministry and the missions?',
        '在本系统中关注项目所在国家，安全提醒将自动推送。',
        'Follow the site countries here; advisories then reach you by themselves.',
      ),
    ],
  },
  {
    code: 'treatment',
    title: { 'zh-CN': '安全防范措施', en: 'Security measures' },
    source: 'MOFCOM ch. 3 (risk prevention); ISO 31030 cl. 6.5 (risk treatment)',
    questions: [
      q(
        'tr1',
        3,
        '项目营地是否有围墙、门禁和安保人员？',
        'Does the site have a perimeter, access control and guards?',
        '按风险等级配置物防、技防和人防。',
        'Match perimeter, technical and manned security to the risk level.',
      ),
      q(
        'tr2',
        2,
        '是否设有安全屋并储备应急物资？',
        'Is there a safe room with emergency supplies?',
        '设置安全屋，储备至少72小时的水、食品、药品和通信设备。',
        'Set up a safe room with water, food, medicine and communications for at least 72 hours.',
      ),
      q(
        'tr3',
        2,
        '人员外出是否有审批、报备和车辆安全规定？',
        'Are there rules for trips off site (approval, check-in, vehicles)?',
        '外出须审批、结伴、按时报平安。',
        'Require approval, travel in pairs and check in on time.',
      ),
    ],
  },
  {
    code: 'emergency',
    title: { 'zh-CN': '应急处置', en: 'Emergency response' },
    source: 'MOFCOM ch. 4 (emergency response); ISO 31030 cl. 6.5.3 (incident response)',
    questions: [
      q(
        'em1',
        3,
        '是否有书面应急预案（含撤离方案）并上传？',
        'Is there a written emergency plan, including evacuation, uploaded here?',
        '制定覆盖绑架、袭击、动乱、自然灾害的应急预案和撤离路线。',
        'Write a plan covering kidnapping, attack, unrest and natural disasters, with evacuation routes.',
      ),
      q(
        'em2',
        3,
        '发生突发事件时，能否在1小时内清点全部人员？',
        'Can you account for all staff within one hour of an emergency?',
        '保持人员名单最新，收到预警后立即在本系统报告人数清点。',
        'Keep rosters current and report the headcount here as soon as an alert arrives.',
      ),
      q(
        'em3',
        2,
        '每年是否至少开展一次应急演练？',
        'Is the emergency plan exercised at least once a year?',
        '每年组织演练并记录发现的问题。',
        'Run a yearly exercise and record what it found.',
      ),
    ],
  },
  {
    code: 'high_risk',
    title: { 'zh-CN': '高风险国家和地区', en: 'High-risk countries' },
    source: 'MOFCOM ch. 5 (high-risk countries and regions); ISO 31030 cl. 6.5.2',
    questions: [
      q(
        'hr1',
        3,
        '在“暂勿前往”级别地区是否只保留必要人员？',
        'In "do not travel" areas, are only essential staff kept on site?',
        '安全提醒为3级的地区压缩人员至必要限度，并制定撤离触发条件。',
        'Where the level is 3, keep only essential staff and set triggers for evacuation.',
      ),
      q(
        'hr2',
        2,
        '是否为高风险地区人员购买了安全保险并配备卫星电话等通信手段？',
        'Do staff in high-risk areas have security insurance and satellite phones or similar?',
        '为高风险地区人员配备独立通信手段和相应保险。',
        'Give staff in high-risk areas independent communications and insurance.',
      ),
    ],
  },
  {
    code: 'communication',
    title: { 'zh-CN': '沟通与报告', en: 'Communication and reporting' },
    source: 'MOFCOM ch. 4 and 6 (reporting); ISO 31030 cl. 6.2 (communication and consultation)',
    questions: [
      q(
        'co1',
        3,
        '项目是否在使领馆登记，并保存使领馆和12308热线的联系方式？',
        'Is the site registered with the mission, and are its and the 12308 hotline numbers at hand?',
        '在本系统登记项目，张贴使领馆和12308热线号码。',
        'Register the site here and post the mission and 12308 numbers on site.',
      ),
      q(
        'co2',
        2,
        '安全事件是否在24小时内报告使领馆和国内总部？',
        'Are incidents reported to the mission and headquarters within 24 hours?',
        '通过本系统“报告事件”立即报告。',
        'Report through "Report an incident" here at once.',
      ),
    ],
  },
  {
    code: 'monitoring',
    title: { 'zh-CN': '监督与改进', en: 'Monitoring and improvement' },
    source: 'MOFCOM ch. 6 (accountability); ISO 31030 cl. 6.6–6.7 (monitoring, review, records)',
    questions: [
      q(
        'mo1',
        2,
        '是否每年开展安全自评估并整改发现的问题？',
        'Is this self-assessment done yearly and are its gaps closed?',
        '每年填写本自评估，对差距项制定整改计划。',
        'Fill in this assessment yearly and plan how each gap is closed.',
      ),
      q(
        'mo2',
        1,
        '培训、演练和事件记录是否保存至少三年？',
        'Are training, exercise and incident records kept for at least three years?',
        '建立安全档案，保存培训、演练和事件记录。',
        'Keep a security file with training, exercise and incident records.',
      ),
    ],
  },
]

export const QUESTIONS: ReadonlyMap<string, { section: string; question: Question }> = new Map(
  SECTIONS.flatMap((s) =>
    s.questions.map((question) => [question.id, { section: s.code, question }] as const),
  ),
)

/** An answer at or below this leaves a gap. */
export const GAP_BELOW = 2

export interface Scored {
  readonly score: number
  readonly sections: { code: string; score: number }[]
  readonly gaps: {
    questionId: string
    section: string
    answer: number
    weight: number
    text: Localized
    guidance: Localized
  }[]
}

/**
 * Scores 0–100: each question counts answer/3 of its weight; a question left out counts 0. Gaps
 * are the questions answered below 2, the heaviest first.
 */
export function scoreAnswers(answers: Readonly<Record<string, number>>): Scored {
  let got = 0
  let max = 0
  const sections: { code: string; score: number }[] = []
  const gaps: Scored['gaps'] = []
  for (const s of SECTIONS) {
    let sGot = 0
    let sMax = 0
    for (const question of s.questions) {
      const answer = answers[question.id] ?? 0
      sGot += answer * question.weight
      sMax += 3 * question.weight
      if (answer < GAP_BELOW)
        gaps.push({
          questionId: question.id,
          section: s.code,
          answer,
          weight: question.weight,
          text: question.text,
          guidance: question.guidance,
        })
    }
    sections.push({ code: s.code, score: Math.round((100 * sGot) / sMax) })
    got += sGot
    max += sMax
  }
  gaps.sort((a, b) => b.weight - a.weight || a.answer - b.answer)
  return { score: Math.round((100 * got) / max), sections, gaps }
}
