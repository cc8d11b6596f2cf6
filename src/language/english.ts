/**
 * Ordinary English words (base forms, a few irregular forms and chat spellings): what a person types that is
 * not a name. Fuzzy matching never "corrects" one of them into a merchant, account or category ("stack" is
 * not Shake Shack, "draining" is not dining, "table" is not cable), and a leftover word that is none of them
 * looks like a name the user's data does not have.
 */

const WORDS: ReadonlySet<string> = new Set(
  `
  a able about above abroad absolute absolutely accept access according account accounting across act action
  active actual actually add addition address admit adult advance advice affair afford afraid after afternoon
  again against age agency agent ago agree agreement ahead aid aim aint air airline airport alarm alive all
  allow almost alone along already alright also alter although always am amazing among amount analysis and anger
  angle angry animal annual annually another answer any anybody anymore anyone anything anytime anyway anywhere
  apart apartment apparently appeal appear apple application apply appointment approach appropriate approve apr
  area argue argument arm around arrange arrive art article as aside ask asleep assume at ate atm attack attempt
  attend attention attitude audience aug august author auto autumn available average avoid awake award aware
  away awesome awful awfully baby back background bad badly bag bake balance ball ban band bank bar base basic
  basically basis basket bath battle bc be beach bear beat beautiful beauty because become bed bedroom beer
  before began begin beginning begun behalf behave behind being belief believe bell belong below belt bench bend
  benefit beside besides best bet better between beyond bicycle bid big bike bill billion bills bin binge bird
  birth birthday bit bite bitter biweekly black blame blank blew block blood blow blue board boat body boil bone
  bonus book boost boot border bored boring born borrow boss both bother bottle bottom bought bounce bound bowl
  box boy brain branch brand brave bread break breakdown breakfast breath breathe brick bridge brief bright
  brilliant bring bro broad broke broken brother brought brown brunch brush btw buck bucks budget build building
  built bulk bunch burden burn burned burnt burst bus business busy but butter button buy buyer by bye cable
  cafe cake calculate calendar call calm came camera camp campaign can cancel candidate candy cant cap capable
  capacity capital captain car card care career careful carefully carry case cash cashback cast casual cat catch
  category caught cause ceiling celebrate cell cent center central centre century certain certainly chain chair
  challenge chance change channel chapter character charge chargeback charity chart chase cheap cheaper cheat
  check cheer cheers cheese chemical chest chicken chief child childhood chip chocolate choice choose chop chose
  chosen christmas chuck church circle citizen city civil claim class classic clean clear clearly clerk clever
  click client climate climb clock close closely clothes cloud club coach coast coat code coffee coin cold
  collapse colleague collect collection college color colour column combination combine come comfort comfortable
  command comment commercial commission commit common communicate community commute company compare comparison
  compete competition complain complaint complete completely complex complicated component computer concern
  concert conclusion condition conference confidence confident confirm conflict confuse confused connect
  connection consider constant constantly construct consumer contact contain content context continue contract
  contrast contribute control convenient conversation convert convince cook cookie cool cope copy core corner
  correct cost costliest costly costs costume cottage cotton couch cough could couldnt council count counter
  country county couple courage course court cousin cover cow coz crack craft crash crazy cream create creative
  credit crew crime criminal crisis critical crop cross crowd crucial cry cultural culture cup curious currency
  current currently curve custom customer cut cute cuz cycle dad daily damage dance danger dangerous dare dark
  data date daughter day dead deal dealer dear death debate debit debt dec decade december decent decide
  decision deck declare decline decrease deep deeply default defeat defence defend define definitely degree
  delay delete deliberately delicious deliver delivery demand dentist deny depend deposit depth describe desert
  design desire desk despite destroy detail detailed determine develop development device did didnt diet differ
  difference different difficult dig digital dining dinner direct direction directly director dirty disappear
  discount discover discuss discussion disease dish display distance distinct divide dividend do doctor document
  doesnt dog dollar domestic done dont door double doubt down download dozen draft drag drain drama draw drawer
  dream dress drink drive driven driver drop dropped drove drug dry due dug dull dump dunno duplicate during
  dust duty each eager ear early earn earth ease easily east easy eat eaten eating economic economy edge edition
  education effect effective effort egg eight eighteen eighth eighty either elderly election electric
  electricity element eleven else elsewhere email embarrassed emergency emotion emotional employ employee
  employer empty enable end enemy energy engage engine engineer enjoy enormous enough ensure enter entertainment
  entire entirely entry environment equal equipment error escape especially essential establish estate estimate
  etc euro even evening event eventually ever every everybody everyday everyone everything everywhere evidence
  evil exact exactly exam examine example excellent except exchange excited exciting exclude excluding excuse
  exercise exist existing exit expand expect expenditure expense expensive experience expert explain explore
  express extend extent extra extraordinary extreme extremely eye face fact factor factory fail failure fair
  fairly faith fall false familiar family famous fan fancy far farm fashion fast fat father fault favor favorite
  favour favourite fear feature feb february fed fee feed feel feeling fell fellow felt female fence few field
  fifteen fifth fifty fight figure file fill film final finally finance financial find fine finger finish fire
  firm first fish fit five fiver fix flag flat flew flight float floor flow flower flown fly focus fold folk
  follow food fool foot football for force foreign forest forever forget forgive forgot forgotten fork form
  formal former fortnight fortnightly fortune forty forward fought found four fourteen fourth frame fraud free
  freedom freeze fresh fri friday fridge friend friendly frightened fritter from front fruit frustrated fuel
  full fully fun fund funny furniture further future gain game gap garage garden gas gate gather gave general
  generally generous gentle genuine get gift gimme girl give given glad glass global go goal god gold golf gone
  gonna good goodbye goods got gotta gotten govern government grab grade grand grandmother grant grass grateful
  great green grew grey groceries grocery ground group grow grown growth guarantee guard guess guest guide
  guilty guitar guy gym habit hadnt hair half hall hand handle hang happen happy hard hardly harm hasnt hat hate
  haul have havent he head health healthy hear heart heat heavy held hello help helpful her here heres hero hey
  hi hid hide high highly hill him hire his history hit hmm hobby hold hole holiday home honest hope horrible
  horse hospital host hot hotel hour house household how however hows hubby huge human humor hundred hung hungry
  hunt hurry hurt husband hw i ice id idea ideal identify if ignore ill illness im image imagine immediately
  impact important impossible impress impression improve in inch incident include including income incoming
  incomings increase indeed independent index indicate individual industry influence inform information initial
  injury inner innocent input inside insist install instance instead institution insurance intend intention
  interest interested interesting internal international internet interview into introduce invest investigate
  investment invite involve iron island isnt issue it item its itself ive jacket jam jan january job join joint
  joke journey joy judge juice jul july jump jun june junior just justice k keen keep kept key kick kid kids
  kill kind kinda king kiss kitchen knee knew knife knock know knowledge known lab labor labour lack lads lady
  lake land landlord language large largely last late lately later laugh launch lavish law lawyer lay layer lazy
  lead leader leaf league lean learn least leave led left leg legal lemme lend length lent less lesson let lets
  letter level library licence license lie life lift light like likely limit line link list listen lit little
  live living load loan local lock lol long look loose lose loss lost lot loud love lovely low lower luck lucky
  lunch machine mad made magazine mail main mainly maintain major majority make male mall man manage management
  manager manner many map mar march mark market marriage married mass massive master match mate material mates
  matter maximum may maybe me meal mean meaning meant meanwhile measure meat media medical medicine medium meet
  meeting member memory mention menu merchant mess message met metal method middle midnight might mild mile milk
  million mind mine minimum minor minus minute mirror miss mistake mix mnth mobile model modern mom moment mon
  monday money month monthly mood moon moral more morning mortgage most mostly mother motor mount mountain mouse
  mouth move movie much mum music must my myself mystery nah nail name narrow nation national native natural
  nature near nearby nearly neat necessary neck need negative neighbor neighbour neither nervous net network
  never nevertheless new news newspaper next nice night nine nineteen ninety ninth no nobody noise none noon
  nope nor normal normally north nose not note nothing notice nov november now nowhere number nurse object
  obvious obviously occasion occur ocean oct october odd of off offer office officer official often oh oil ok
  okay old omg on once one online only onto open operate opinion opportunity opposite option or orange order
  ordinary organise organization organize original other otherwise ought our ours ourselves out outcome outgoing
  outgoings outlay outside oven over overall overdraft owe own owner pace pack package page paid pain paint pair
  pal palace pan panel paper parent park parking part particular particularly partner party pass passenger past
  path patient pattern pause pay paycheck paycheque payday payee payer payment payroll peace peak pen penny
  pension people pepper per percent perfect perfectly perform perhaps period permanent permission person
  personal personally pet petrol phase phone photo physical piano pick picture pie piece pile pill pin pink pipe
  pity pizza place plain plan plane planet plant plastic plate platform play player pleasant please pleased
  plenty pls plus plz pocket poem point police policy polite political pool poor pop popular population port
  position positive possible possibly post pot potato pound pour poverty powder power practical practice praise
  pray prefer pregnant prepare present president press pressure pretty prevent previous previously price pricey
  priciest pride primary prime print prior priority prison private prize probably problem process produce
  product profession professional profit program programme progress project promise promote proof proper
  properly property proposal protect protection proud prove provide public pull punch purchase pure purple
  purpose push put quality quantity quarter quarterly queen question quick quickly quid quiet quit quite quote r
  race rack radio rail rain raise ran random rang range rank rare rarely rate rather raw reach react read ready
  real realise reality realize really reason reasonable recall receipt receive recent recently recipe recognize
  recommend record recover recurring red reduce refer reference reflect refund refuse regard region regular
  regularly reimburse reimbursement reject relate relation relationship relative relax release relevant relief
  religion rely remain remember remind remote remove renew rent repair repeat replace reply report represent request
  require rescue research reserve resident resource respect respond response responsible rest restaurant result
  retail retire return reveal revenue review reward rich rid ride right ring rise risk river road rock rode role
  roll roof room root rope rose rough round route routine row royal rub rubbish rude ruin rule run rush sad safe
  safety said salad salary sale salt same sample sand sandwich sang sat satisfy saturday sauce save saving saw
  say scale scare scared scene schedule school science score screen sea search season seat second secret section
  sector secure security see seek seem seen sell send senior sense sensible sent sep separate sept september
  series serious seriously serve service session set settle seven seventeen seventh seventy several severe sex
  shade shadow shake shall shame shape share sharp she sheet shelf shell shift shine ship shirt shock shoe shook
  shoot shop shopping short shot should shoulder shouldnt shout show shower shut shy sick side sight sign signal
  significant silence silly silver similar simple simply since sing single sink sir sis sister sit site
  situation six sixteen sixth sixty size skill skin skint sky sleep slept slice slid slide slight slightly slip
  slow slowly small smart smell smile smoke smooth snack snow so social society sock soft software soil sold
  soldier solid solution solve some somebody somehow someone something sometime sometimes somewhat somewhere son
  song soon sorry sort sorta soul sound soup source south space spare speak special specific speech speed spell
  spend spending spendings spent spirit splash split splurge spoke sport spot spread spree spring spun squander
  square squeeze stable stack staff stage stair stake stand standard star start state statement station stay
  steady steal steel step stick still stock stole stomach stone stood stop storage store storm story straight
  strange stranger strategy stream street strength stress stretch strict strike string strong structure struggle
  stuck student study stuff stung stupid style subject submit subscription succeed success successful such
  suddenly suffer sugar suggest suit suitable sum summary summer sun sunday super supermarket supper supply
  support suppose sure surely surface surprise surprised surround survey survive suspect suspicious swam sweet
  swept swim switch swung symbol system table tag tail take takeaway takeaways taken takeout talk tall tank tap
  target task taste taught tax taxi tea teach teacher team tear technical technology teen telephone television
  tell temperature temporary ten tend tenner tenth term terrible terribly test text than thank thanks that thats
  the theater theatre their theirs them theme themselves then theory there therefore theres these they theyre
  thick thin thing think third thirsty thirteen thirty this tho those though thought thousand threat three threw
  throat through throughout throw thrown thru thu thur thurs thursday thus thx ticket tidy tie tight till time
  tiny tip tips tired title to toast today together toilet told tomorrow tone tonight too took tool tooth top
  topic tore total totally touch tough tour tourist toward towards towel tower town toy track trade tradition
  traffic train training transaction transfer transport trap travel treat tree trend trial trick trip trouble
  truck true truly trust truth try tube tue tues tuesday tune turn twelve twenty twice two ty type typical
  typically u ugly uh ultimately um umbrella unable uncle under understand understood unemployed unfair
  unfortunately uniform union unique unit universe university unknown unless unlike unlikely until unusual up
  update upon upper upset upstairs ur urban urge us use used useful user usual usually utilities utility
  vacation valley valuable value van variety various vast vegetable vehicle vendor version very vet via victim
  video view village visit visitor voice volume vote wage wait waiter wake walk wall wallet wanna want war warm
  warn wash wasnt waste wasted wat watch water wave way we weak wealth weapon wear weather web website wed
  wedding wednesday week weekday weekend weekly weigh weight weird welcome well went wept werent west wet weve
  what whatever whats wheel when whenever whens where whereas wheres wherever whether which while white who
  whoever whole whom whos whose why whys wide widely wife wifey wild will willing win wind window wine wing
  winner winter wire wise wish with within without woke woman won wonder wonderful wont wood word wore work
  worker world worn worry worse worst worth would wouldnt wound wow wrap write writer written wrong wrote y ya
  yard yeah year yearly yellow yep yes yesterday yet you young your youre yours yourself youth youve yup zero
  zone
  american british english european canadian australian americans brits
  respectively separately combined altogether overall individually together apiece each jointly versus vs compared
  dupe dupes hike hikes info bal txn txns amt acct acc cc avg tot approx spendy recap summary rundown overview lowdown breakdown
  dough dosh moolah wonga cashflow surplus deficit shortfall overspend overspent underspend underspent itemise itemize
  itemised itemized fiver tenner grand booking bookings reservation reservations frequently categorise categorize
  categorised categorized pissed fritter frittered squander squandered chuck chucked
  `
    .split(/\s+/)
    .filter(Boolean),
);

const SUFFIXES: readonly [string, readonly string[]][] = [
  ['ies', ['y']],
  ['ied', ['y']],
  ['iest', ['y']],
  ['ier', ['y']],
  ['ily', ['y']],
  ['es', ['', 'e']],
  ['s', ['']],
  ['ed', ['', 'e']],
  ['ing', ['', 'e']],
  ['er', ['', 'e']],
  ['ers', ['', 'e']],
  ['est', ['', 'e']],
  ['ly', ['', 'le']],
  ['ness', ['']],
  ['ment', ['']],
  ['ments', ['']],
  // "renewal" → renew, "arrival" → arrive, "rentals" → rent.
  ['al', ['', 'e']],
  ['als', ['', 'e']],
];

/** Base forms a word may come from: "draining" → drain, "stopped" → stop, "bills" → bill, "cheapest" → cheap. */
function stems(word: string): string[] {
  const out: string[] = [];
  for (const [suffix, replacements] of SUFFIXES) {
    if (!word.endsWith(suffix) || word.length <= suffix.length + 1) continue;
    const base = word.slice(0, -suffix.length);
    // A short word ending consonant-vowel-consonant doubles it ("shopping"), so "shoping" is a typo, not "shop".
    const mustDouble =
      /^(?:ing|ed|er|ers|est)$/.test(suffix) && /^[^aeiou]*[aeiou][bdgklmnprtvz]$/.test(base);
    for (const r of replacements) if (!(mustDouble && r === '')) out.push(base + r);
    // "shopping" → shop, "stopped" → stop: a doubled consonant only after one short vowel.
    if (/(.)\1$/.test(base) && suffix.length >= 2 && /^[^aeiou]*[aeiou][^aeiou]$/.test(base.slice(0, -1)))
      out.push(base.slice(0, -1));
  }
  return out;
}

/**
 * Whether a lower-cased word (apostrophes removed) is ordinary English, counting regular inflections.
 * @example isEnglishWord('draining') // true
 * @example isEnglishWord('starbux') // false
 */
export function isEnglishWord(word: string): boolean {
  if (WORDS.has(word)) return true;
  for (const s of stems(word)) if (WORDS.has(s)) return true;
  return false;
}

const BY_FIRST = new Map<string, string[]>();
for (const w of WORDS) BY_FIRST.set(w[0] ?? '', [...(BY_FIRST.get(w[0] ?? '') ?? []), w]);

/**
 * Whether a word is one edit away from an English word or from an inflection of one: a typo of an ordinary
 * word ("unusally", "purchses", "mnoth"), not a name. Only words of five letters or more; short names are too close.
 * @example nearEnglishWord('mnoth') // true
 */
export function nearEnglishWord(word: string): boolean {
  return nearestEnglishWord(word) !== undefined;
}

/** The English word a typo is one edit from, if any (words of five letters or more). */
export function nearestEnglishWord(word: string): string | undefined {
  if (word.length < 5) return undefined;
  for (const form of [word, ...stems(word)]) {
    if (form.length < 5) continue;
    for (const e of BY_FIRST.get(form[0] ?? '') ?? []) {
      if (Math.abs(e.length - form.length) > 1) continue;
      if (oneEditApart(e, form)) return e;
    }
  }
  return undefined;
}

/** One insertion, deletion, substitution or swap of neighbours apart ("mnoth" and "month"), or equal. */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** The base forms themselves. */
export const ENGLISH_WORDS: ReadonlySet<string> = WORDS;
