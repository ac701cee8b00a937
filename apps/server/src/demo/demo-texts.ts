// The demo world's words: people from both sides of the January 2025 move,
// posting about cats, food, learning each other's language and everyday life.

export interface Persona {
  handle: string;
  name: string;
  bio: string;
  region: string;
  language: 'en' | 'zh-CN';
}

export const PERSONAS: Persona[] = [
  { handle: 'ann_from_ohio', name: 'Ann', bio: 'Nurse in Columbus. Here for the cats 🐱', region: 'US', language: 'en' },
  { handle: 'meilin_sh', name: '美琳', bio: '上海 · 爱猫爱做饭', region: 'CN', language: 'zh-CN' },
  { handle: 'jake_tx', name: 'Jake', bio: 'BBQ, trucks, learning 中文 one word a day', region: 'US', language: 'en' },
  { handle: 'xiaoyu', name: '小雨', bio: '英语老师，欢迎来问问题', region: 'CN', language: 'zh-CN' },
  { handle: 'priya_nyc', name: 'Priya', bio: 'Brooklyn food nerd', region: 'US', language: 'en' },
  { handle: 'laowang_cd', name: '老王', bio: '成都火锅爱好者 🌶️', region: 'CN', language: 'zh-CN' },
  { handle: 'sofia_la', name: 'Sofia', bio: 'LA • dance • sunsets', region: 'US', language: 'en' },
  { handle: 'chen_hz', name: '陈晨', bio: '杭州程序员，周末爬山', region: 'CN', language: 'zh-CN' },
  { handle: 'marcus_atl', name: 'Marcus', bio: 'Barber in Atlanta. TikTok refugee, proud of it', region: 'US', language: 'en' },
  { handle: 'tingting', name: '婷婷', bio: '穿搭分享 | OOTD', region: 'CN', language: 'zh-CN' },
  { handle: 'emma_uk', name: 'Emma', bio: 'London. Tea and bad puns', region: 'GB', language: 'en' },
  { handle: 'ahmed_toronto', name: 'Ahmed', bio: 'Toronto engineer, learning to cook 饺子', region: 'CA', language: 'en' },
  { handle: 'linlin_bj', name: '琳琳', bio: '北京 · 胡同散步 · 拍照', region: 'CN', language: 'zh-CN' },
  { handle: 'kenji_tokyo', name: 'Kenji', bio: 'Tokyo ramen map in progress', region: 'JP', language: 'en' },
  { handle: 'dana_chi', name: 'Dana', bio: 'Chicago winters, warm soups', region: 'US', language: 'en' },
  { handle: 'ahua_gz', name: '阿华', bio: '广州早茶地图', region: 'CN', language: 'zh-CN' },
  { handle: 'lucas_br', name: 'Lucas', bio: 'São Paulo • futebol • café', region: 'BR', language: 'en' },
  { handle: 'yueyue', name: '悦悦', bio: '留学生，在美国学设计', region: 'US', language: 'zh-CN' },
  { handle: 'grace_sea', name: 'Grace', bio: 'Seattle rain and my three cats', region: 'US', language: 'en' },
  { handle: 'dawei_sz', name: '大伟', bio: '深圳创业中，交个朋友', region: 'CN', language: 'zh-CN' },
  { handle: 'olivia_mia', name: 'Olivia', bio: 'Miami nurse, night shifts, cat mom', region: 'US', language: 'en' },
  { handle: 'xiaomei_tw', name: '小美', bio: '台北 · 甜點控', region: 'TW', language: 'zh-CN' },
  { handle: 'noah_den', name: 'Noah', bio: 'Denver hiker learning Mandarin tones', region: 'US', language: 'en' },
  { handle: 'fangfang', name: '芳芳', bio: '武汉热干面代言人', region: 'CN', language: 'zh-CN' },
  { handle: 'zoe_sf', name: 'Zoe', bio: 'SF designer. Plants > people', region: 'US', language: 'en' },
  { handle: 'haoran', name: '浩然', bio: '健身 · 篮球 · 学英语', region: 'CN', language: 'zh-CN' },
  { handle: 'maria_mx', name: 'María', bio: 'CDMX • tacos • 猫', region: 'MX', language: 'en' },
  { handle: 'qingqing', name: '青青', bio: '云南旅行中 ⛰️', region: 'CN', language: 'zh-CN' },
  { handle: 'ben_bos', name: 'Ben', bio: 'Boston student, dumpling enthusiast', region: 'US', language: 'en' },
  { handle: 'jiajia_cq', name: '佳佳', bio: '重庆妹子，带你吃遍山城', region: 'CN', language: 'zh-CN' },
];

export const NOTE_TEMPLATES: Array<{ title: string; body: string }> = [
  { title: 'Paying my cat tax', body: 'Heard this is how it works here 😂 Meet Mochi. #交猫税 #TikTokRefugee #cats' },
  { title: 'Hello from Ohio!', body: 'Just arrived. Everyone has been so kind. What should I try first? #TikTokRefugee #hello' },
  { title: 'Made 饺子 for the first time', body: 'Folding is harder than it looks. Tips welcome! #cooking #learnChinese' },
  { title: 'My English word of the day', body: 'Today: "cozy" — warm and comfortable. How do you say it in 中文? #learnEnglish #学英语' },
  { title: 'Sunset at the pier', body: 'No filter. Santa Monica tonight. #travel #sunset' },
  { title: 'Night shift survival kit', body: 'Tea, snacks, and cat videos. Nurses, what is in yours? #nurselife #TikTokRefugee' },
  { title: 'Trying 螺蛳粉 (be brave)', body: 'The smell... but the taste! 10/10 would do again. #food #ChineseFood' },
  { title: 'Tones are hard', body: 'mā má mǎ mà — I said horse instead of mom. My tutor laughed for a minute. #learnChinese' },
  { title: 'Weekend hike', body: 'Rocky Mountains, 12 miles, one happy dog. #travel #outdoors' },
  { title: 'Outfit for a rainy day', body: 'Layers and boots. Seattle style. #OOTD #fashion' },
  { title: 'Three cats, one couch', body: 'They fought for the warm spot. Guess who won. #cats #交猫税' },
  { title: 'Why I joined', body: 'Came for the app drama, stayed for the people. Hi from Atlanta! #TikTokRefugee' },
  { title: 'Homemade ramen', body: 'Twelve-hour broth. Worth it. #food #cooking' },
  { title: 'Learning 你好 and 谢谢', body: 'Day 5 of Mandarin. Please correct me! #learnChinese #hello' },
  { title: 'Street tacos night', body: 'Al pastor forever. Who wants the recipe? #food #Mexico' },
];

export const NOTE_TEMPLATES_ZH: Array<{ title: string; body: string }> = [
  { title: '交猫税啦', body: '我家橘猫，特别能吃 🐱 欢迎新朋友！#交猫税 #TikTokRefugee #cats' },
  { title: '欢迎美国朋友', body: '有什么想了解的中国生活，评论区问我～ #TikTokRefugee #hello' },
  { title: '成都火锅攻略', body: '微辣就够了，真的。#美食 #ChineseFood #food' },
  { title: '今日英语小课堂', body: '"Spill the tea" 是什么意思？就是八卦啦 ☕ #学英语 #learnEnglish' },
  { title: '上海外滩夜景', body: '晚上八点灯光最好看。#旅行 #travel' },
  { title: '第一次用英语聊天', body: '好紧张，但是大家都很友好！#学英语 #TikTokRefugee' },
  { title: '自制小笼包', body: '皮薄汁多，步骤放在图里了。#美食 #cooking' },
  { title: '今日穿搭', body: '秋天的配色，温柔一点。#OOTD #穿搭' },
  { title: '武汉热干面', body: '早餐就要吃这个！美国朋友一定要试试。#美食 #food' },
  { title: '云南的云', body: '抬头就是画。#旅行 #travel' },
  { title: '猫主子的日常', body: '睡觉、吃饭、打翻杯子。#交猫税 #cats' },
  { title: '教你说“你好”', body: 'Nǐ hǎo！第三声要先降后升哦。#learnChinese #学英语' },
  { title: '早茶三件套', body: '虾饺、烧卖、叉烧包，广州人的快乐。#美食 #ChineseFood' },
  { title: '程序员的周末', body: '爬山看日出，手机静音。#outdoors #旅行' },
  { title: '给新朋友的建议', body: '先关注几个话题，多评论，大家都很热情！#TikTokRefugee #hello' },
];

export const COMMENTS_EN = [
  'So cute!! 😍',
  'Welcome!! 欢迎!',
  'Recipe please 🙏',
  'This made my day',
  'Following for more',
  'Where is this?',
  'Your cat is the boss',
  'Learning so much here',
  'Haha same',
  'Beautiful shot',
];

export const COMMENTS_ZH = [
  '太可爱了！',
  '欢迎欢迎～',
  '求教程 🙏',
  '哈哈哈笑死',
  '已关注',
  '这是哪里呀？',
  '猫主子威武',
  '好想吃！',
  '英语好棒',
  '拍得真好看',
];
