/**
 * The polite-phrase table (礼貌用语) built into the call screen: seed 004 (桔子树客服中心 技巧篇), sections
 * 二 to 七 as the seed numbers them, and seed 000's 服务禁止用语 (improper -> polite by situation).
 * The phrases stay Chinese in every language: they are what the agent says on the phone.
 */
export interface PolitePhrase {
  /** what not to say (absent where the seed gives only the good phrase) */
  improper?: string;
  polite: string;
  /** when to say it, where the seed names the moment */
  situation?: string;
}

export interface PolitePhraseSection {
  id: string;
  title: { 'zh-CN': string; en: string };
  source: '000' | '004';
  phrases: PolitePhrase[];
}

export const POLITE_PHRASE_SECTIONS: PolitePhraseSection[] = [
  {
    id: 'i_for_you',
    title: { 'zh-CN': '用“我”代替“您”', en: 'Say “I” instead of “you”' },
    source: '004',
    phrases: [
      { improper: '您把我搞糊涂了', polite: '我不太明白，能否再重复下您的问题？' },
      { improper: '您搞错了', polite: '我觉得可能是我们的沟通存在误会' },
      { improper: '我已经说的很清楚了', polite: '可能是我未解释清楚，令您误解了' },
      { improper: '您听明白了吗？', polite: '请问我的解释您清楚吗？' },
      { improper: '啊，您说什么？', polite: '对不起，我没有听明白，请您再说一遍好吗？' },
      { improper: '您需要……', polite: '我建议…… / 您看是不是可以这样……' },
    ],
  },
  {
    id: 'customer_side',
    title: { 'zh-CN': '站在客户角度说话', en: 'Speak from the customer’s side' },
    source: '004',
    phrases: [
      { polite: '这样做主要是为了保护您的利益' },
      { polite: '如果谁都可以帮您办理这么重要的业务，那对您的利益是很没有保障的' },
      { polite: '我知道您一定会谅解的，这样做就是为了确保像您一样对我们有着重要意义的忠诚顾客的权益' },
    ],
  },
  {
    id: 'sweet_words',
    title: { 'zh-CN': '怎样的嘴巴才嘴甜', en: 'Kind words' },
    source: '004',
    phrases: [
      { polite: '麻烦您了' },
      { polite: '非常感谢您这么好的建议，我们会向上反映，因为有了您的建议，我们才会不断进步' },
      { situation: '学员不满意但不追究时', polite: '谢谢您的理解和支持，我们将不断改进服务，让您满意' },
      { polite: '*先生，*家长您都是我们的老学员了，我们当然不能辜负您的信任……' },
      { polite: '这次给您添麻烦了，其实，我们也挺不好意思，您所说的情况我们将记录下来，并反馈给相关部门，会尽可能避免问题的再次出现……' },
      { polite: '非常感谢您向我们提供这方面的信息，这会让我们的教学及服务做得更好' },
      { polite: '您这次问题解决后尽管放心！' },
      { polite: '感谢您对我们工作的支持，希望您以后能一如既往支持我们！' },
      { polite: '感谢您对我们的教学及服务的监督，这将让我们做得更好' },
      { polite: '谢谢您对我们反映，我们会加强工作的培训，也欢迎您对我们工作随时进行监督' },
      { polite: '让您产生这样的疑惑，也让您生气了，实在抱歉' },
      { polite: '非常感谢您对我们的关心和支持，我们会尽快完善' },
      { polite: '您的建议很好，我很认同' },
    ],
  },
  {
    id: 'refusing',
    title: { 'zh-CN': '拒绝的艺术', en: 'Saying no' },
    source: '004',
    phrases: [
      { polite: 'XX学员，我很能理解您的想法，但非常抱歉，您的具体要求我们暂时无法满足，我会先把您遇到的情况反馈给相关部门，查证后再与您联络好吗？' },
      { polite: '您说的这些，确实是有一定的道理，如果我们能帮您一定会尽力，不能帮您的地方，也请您谅解' },
      { polite: '尽管我们目前暂时无法立刻去处理或解决这件事情，但我可以做到的是……' },
      { polite: 'XX学员，非常感谢您的反馈，我们会尽最大的努力改进这方面的问题，也希望您能一如既往地支持和监督我们的工作，谢谢！' },
      { polite: 'XX学员，您的心情我能够理解，那您希望我们怎样帮您解决呢？' },
    ],
  },
  {
    id: 'waiting',
    title: { 'zh-CN': '如何让客户“等”', en: 'Asking the customer to wait' },
    source: '004',
    phrases: [
      { situation: '等待之前先提醒', polite: 'XX学员，请您稍等片刻，我马上为您查询' },
      { situation: '等待结束恢复通话', polite: 'XX学员，谢谢您的等待，已经帮您查询到……' },
      { polite: '请您稍等片刻，马上就好' },
      { polite: '由于查询数据需要一些时间，不好意思要耽误您一点时间' },
      { polite: '不好意思，耽误您的时间了' },
      { polite: '感谢您耐心的等候' },
    ],
  },
  {
    id: 'forbidden',
    title: { 'zh-CN': '服务禁止用语', en: 'Forbidden phrases' },
    source: '000',
    phrases: [
      { situation: '听不清楚时', improper: '直接挂断电话', polite: '不好意思您那边信号不好，我这边听不见，我一会给您重新打过去可以吗？' },
      { situation: '客户反复提问时', improper: '我已经给你说过了', polite: '（耐心再给顾客解释一遍）' },
      {
        situation: '客户说刚才来问不是这样说的',
        improper: '谁告诉你的？谁给你说的？',
        polite: '您放心公司活动统一，不会有第二种方案，或者您可以告知我哪一位客服人员告知您的吗？我这边去核实一下',
      },
      {
        situation: '大客户讲价时',
        improper: '好的，我马上去问了回复您',
        polite: '好的，我这边已经登记了您的需求，这边需要向上级领导申请，稍后回复您可以吗？',
      },
    ],
  },
];
