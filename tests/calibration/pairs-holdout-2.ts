/**
 * Issue 12's second holdout: 40 pairs written after the second tuning round and committed
 * before being scored. Scored once: 62.5% exact (25/40), 100% within one band; every miss one
 * band low on a good, concise answer. Then folded into the tuning pairs (flag
 * tunedAfterHoldout); the cause — a length cap that treated 55–80-word stories as short, and
 * STAR parts the regexes missed — was fixed, and a third holdout written (pairs-holdout-3.ts).
 */
import type { CalibrationPair } from './pairs.js';
import { Q } from './questions.js';

const h = (pair: Omit<CalibrationPair, 'holdout'>): CalibrationPair => ({ ...pair, tunedAfterHoldout: true });

const DA_STORY = `At Hollybush the weekly sales dashboard showed a 15% drop in basket size that nobody could explain. I traced it to a change in how the tills recorded multi-buy discounts, which had started splitting one basket into two transactions. I rewrote the query to group transactions by loyalty card and timestamp, checked it against a week of till receipts, and the "drop" disappeared. I wrote a note for the regional managers, and the data team added a test for the till feed.`;
const TE_STORY = `In my second year at Kingsway my Year 8 class kept getting the same question wrong on rates of reaction, so I changed how I taught it: a live demo first, then a worked example, then paired practice. Their end-of-topic scores went from an average of 52% to 71%, and two colleagues now use the same sequence.`;

export const HOLDOUT_V2_PAIRS: readonly CalibrationPair[] = [
  // ── Software ─────────────────────────────────────────────────────────────────────────────
  h({ id: 'h2-sw-kafka-strong', question: Q.swKafka, band: 'strong', note: 'Real queue work with lag, idempotency and a measured result; RabbitMQ rather than Kafka, said plainly.',
    answer: `We don't use Kafka at Coppergate, but I moved our order events from cron jobs to RabbitMQ consumers, which has the same problems. During a big on-sale the consumers fell two hours behind, so I added a prefetch limit, scaled them from 3 to 10, and made the handler idempotent with an order-event id so replays were safe. Lag has stayed under a minute through the last four on-sales, and we haven't double-charged anyone.` }),
  h({ id: 'h2-sw-kafka-keywords', question: Q.swKafka, band: 'hopeless', adversarial: 'keyword_stuffing', note: 'Streaming vocabulary, no sentence.',
    answer: `Kafka, partitions, consumer groups, exactly-once, idempotency, offsets, backpressure, dead-letter queues, schema registry` }),
  h({ id: 'h2-sw-escaped-adequate', question: Q.swEscapedBug, band: 'adequate', note: 'A real bug and fix, but light on prevention and impact.',
    answer: `A bug once got into production where discount codes could be applied twice at checkout. A customer reported it, and I found that the check only ran on the first page load. I fixed the check so it ran on the server side as well and added a unit test for it.` }),
  h({ id: 'h2-sw-escaped-excellent', question: Q.swEscapedBug, band: 'excellent', note: 'Owns the miss, finds why review and tests missed it, fixes the process, with numbers.',
    answer: `Last year I shipped a change to our refund flow that rounded partial refunds down instead of to the nearest penny. It passed review and our tests because every test used whole-pound amounts. Finance spotted it two weeks later: about 1,900 refunds were short by a penny or two. I fixed the rounding the same day, wrote a script to top up every affected customer, and checked the totals with finance. Then I added property-based tests that generate random amounts for every money calculation, which caught two more rounding bugs in older code within a month. I also wrote up the incident so reviewers now ask "what amounts did you test with?" on any money change.` }),
  h({ id: 'h2-sw-opener-weak', question: Q.swOpener, band: 'weak', note: 'A list of jobs with no link to this role.',
    answer: `I've been a developer for about five years. I started at an agency and then moved to Coppergate. I like coding and solving problems.` }),
  // ── Data ────────────────────────────────────────────────────────────────────────────────
  h({ id: 'h2-da-dashboard-strong', question: Q.daDashboard, band: 'strong', note: 'A real dashboard problem traced and fixed, with checks and who was told.',
    answer: DA_STORY }),
  h({ id: 'h2-da-stakeholder-pasted', question: Q.daStakeholder, band: 'hopeless', adversarial: 'pasted', earlier: [{ questionNumber: 3, text: DA_STORY }],
    note: 'The dashboard story again, pasted for a stakeholder question it does not answer.', answer: DA_STORY }),
  h({ id: 'h2-da-sql-weak', question: Q.daSql, band: 'weak', note: 'Says they use SQL daily, no particular piece of work.',
    answer: `I use SQL every day for most of my work, mainly for pulling data for reports and answering questions from the business. I'm comfortable with joins and aggregations.` }),
  h({ id: 'h2-da-gap-strong', question: Q.daGapPython, band: 'strong', note: 'Honest, concrete related experience and a plan with dates.',
    answer: `I haven't used Python at work, but I've automated a lot in SQL and Power Query, and last autumn I finished an online pandas course and used it to merge three years of store survey files that were too big for Excel. In my first two months I'd take one of your recurring reports and rebuild it in a notebook, with someone on the team reviewing it, so that by month three I can own that report end to end.` }),
  h({ id: 'h2-da-motivation-italian', question: Q.daMotivation, band: 'hopeless', adversarial: 'other_language', note: 'Answered in Italian.',
    answer: `Vorrei lavorare da voi perché mi interessa molto il settore della distribuzione alimentare e voglio usare i dati per aiutare i negozi a sprecare meno prodotti freschi.` }),
  // ── Nursing ─────────────────────────────────────────────────────────────────────────────
  h({ id: 'h2-rn-priorities-excellent', question: Q.rnPriorities, band: 'excellent', note: 'Clear triage of work with reasons, delegation, what was deferred and told, and the outcome.',
    answer: `On a night shift in ED I had five patients when the department got two ambulances at once and one of my patients became confused. I checked him first: his glucose was 2.8, so I treated his hypoglycaemia straight away and asked my healthcare assistant to recheck it in 15 minutes. I told the nurse in charge I couldn't take the second ambulance patient safely, and she moved him to a colleague. I pushed back two routine observation rounds by half an hour and told those patients why. By 3am everyone had been seen, his glucose was back to 6.1, and nothing was missed at handover. I now flag at the start of a shift which of my patients I'd hand on first if I get overloaded.` }),
  h({ id: 'h2-rn-priorities-adequate', question: Q.rnPriorities, band: 'adequate', note: 'A real busy shift and sensible choices, but thin on reasons and outcome.',
    answer: `One shift I had a lot going on with two new admissions and my usual patients. I did the sickest patient first and asked a colleague to help with the drug round. It was busy but we got through it.` }),
  h({ id: 'h2-rn-relative-weak', question: Q.rnRelative, band: 'weak', note: 'General approach, no particular family or outcome.',
    answer: `I always try to be calm and listen when relatives are upset, because they are usually just worried. I explain what is happening as best I can and get the doctor if they need more information.` }),
  h({ id: 'h2-rn-deterioration-french', question: Q.rnDeterioration, band: 'hopeless', adversarial: 'other_language', note: 'Answered in French.',
    answer: `Une patiente âgée est devenue confuse et sa tension a chuté. J'ai fait une évaluation ABCDE, je lui ai mis de l'oxygène et j'ai appelé l'interne en expliquant la situation. Elle a été transférée en soins intensifs.` }),
  h({ id: 'h2-rn-closing-strong', question: Q.rnClosing, band: 'strong', note: 'Adds relevant experience and asks thoughtful questions.',
    answer: `One thing we haven't talked about is that I'm a sepsis link nurse, and I'd be keen to keep doing that kind of role here. Could I ask how new staff are supported through their first months in the department, and how the team reviews incidents so people learn from them?` }),
  // ── Sales ───────────────────────────────────────────────────────────────────────────────
  h({ id: 'h2-sa-missed-adequate', question: Q.saMissedTarget, band: 'adequate', note: 'Owns a miss and names a change, but vague on the diagnosis and result.',
    answer: `I missed my target one quarter last year, I think I was at around 80%. A couple of deals slipped into the next quarter. After that I started checking my pipeline more carefully each week, and the next quarter was better.` }),
  h({ id: 'h2-sa-deal-strong', question: Q.saDeal, band: 'strong', note: 'A deal walked through with buyers, obstacles and numbers.',
    answer: `My best deal last year was a 150-seat deal with a facilities company. Their ops director found us at a trade show, but the CFO had to sign, so I asked the ops director to introduce me and built a one-page ROI with their own overtime figures. Legal was the blocker: they wanted unlimited liability. I brought our legal team in early and we agreed a cap at twice the contract value. We signed at $72K ACV in 58 days, a month faster than our average.` }),
  h({ id: 'h2-sa-motivation-negated', question: Q.saMotivation, band: 'weak', adversarial: 'negated', note: 'Says what they have not done or looked at; no reason for this company.',
    answer: `To be honest I haven't looked into the company much yet and I've never sold accounts-payable software. I'm not really set on any particular industry, I just want a bigger role.` }),
  h({ id: 'h2-sa-opener-offtopic', question: Q.saOpener, band: 'hopeless', adversarial: 'off_topic', note: 'Confident and about something else.',
    answer: `I'm a big believer in personal development. I read a book a week, mostly biographies of entrepreneurs, and I've been learning Japanese for two years, which has taught me a lot about persistence.` }),
  // ── Product ─────────────────────────────────────────────────────────────────────────────
  h({ id: 'h2-pm-sayno-adequate', question: Q.pmSayNo, band: 'adequate', note: 'A real no and a reason, but no trade-off shown or outcome.',
    answer: `Our support team asked for a new reporting page that would have taken most of a sprint. I said no for now because we were focused on the billing project, and I added it to the backlog so we could look at it next quarter.` }),
  h({ id: 'h2-pm-research-strong', question: Q.pmResearch, band: 'strong', note: 'Method, a finding that changed the plan, and a result.',
    answer: `Before building a new onboarding checklist at Kettle, I watched six new customers set up their accounts over video calls. Most of them got stuck at the same step: entering their meter serial number, which is hard to find. So instead of a checklist we added a photo guide showing where the number is on each meter type. Set-up completion in the first week went from 61% to 78%.` }),
  h({ id: 'h2-pm-experiment-rambling', question: Q.pmExperiment, band: 'weak', adversarial: 'rambling', note: 'Long, hedging and general; no experiment described.',
    answer: `Experiments are really important in product, I think, and I'm a big fan of being data-driven in general. I guess the tricky thing is always getting enough traffic, and making sure you're measuring the right thing, which is harder than people think, to be honest. We've done a few tests over the years, some worked and some didn't, and I suppose that's normal. I think the main thing is to have a hypothesis and a metric, and maybe to not run too many things at once, because then you can't really tell what did what, and sometimes stakeholders want answers quickly, which kind of makes it harder.` }),
  h({ id: 'h2-pm-closing-weak', question: Q.pmClosing, band: 'weak', note: 'Nothing to add; a question only about perks.',
    answer: `No, I think that's everything. Do you offer a four-day week?` }),
  // ── Teaching ────────────────────────────────────────────────────────────────────────────
  h({ id: 'h2-te-data-strong', question: Q.teData, band: 'strong', note: 'Data found a specific gap, a targeted change and a measured result.',
    answer: TE_STORY }),
  h({ id: 'h2-te-behaviour-pasted', question: Q.teBehaviour, band: 'hopeless', adversarial: 'pasted', earlier: [{ questionNumber: 2, text: TE_STORY }],
    note: 'The teaching-sequence story pasted for a behaviour question.', answer: TE_STORY }),
  h({ id: 'h2-te-design-adequate', question: Q.teDesign, band: 'adequate', note: 'A sensible outline but no checking of learning.',
    answer: `I would start with the basics of what a mole is, then move on to calculations step by step over a few lessons, with lots of examples on the board and practice questions for them to do in pairs.` }),
  h({ id: 'h2-te-motivation-weak', question: Q.teMotivation, band: 'weak', note: 'Generic reasons that fit any school.',
    answer: `It seems like a nice school and it's closer to where I live, so the commute would be easier. I'm also ready for a change after five years.` }),
  h({ id: 'h2-te-behaviour-excellent', question: Q.teBehaviour, band: 'excellent', note: 'Calm, policy, learning continues, follow-up and a lasting change, with detail.',
    answer: `In a Year 10 lesson last term a girl refused to put her phone away and started filming another pupil, who got upset. I stayed calm, asked the class to start the next task, and quietly told her she could put the phone in my drawer or go to the on-call room; she chose the drawer. I checked on the pupil who'd been filmed straight away, and after the lesson I logged it under our policy, asked her to delete the clip in front of me, and told the head of year because filming is a safeguarding issue. I called her parents that afternoon, and we agreed she'd hand her phone in at the start of my lessons for two weeks. She hasn't had another incident in my lessons since, and the other pupil said she felt safe coming back.` }),
  // ── Finance ─────────────────────────────────────────────────────────────────────────────
  h({ id: 'h2-fi-reconcile-weak', question: Q.fiReconcile, band: 'weak', note: 'Vague: "check everything", no method or prevention.',
    answer: `I'd go through everything until I found the difference. Usually it's something small that's been posted wrong, so I'd fix it and move on.` }),
  h({ id: 'h2-fi-budget-excellent', question: Q.fiBudgetHolder, band: 'excellent', note: 'Listens, re-checks assumptions, explains plainly, agrees and follows through.',
    answer: `Last autumn the logistics manager told me my transport budget was "fantasy" because it assumed fuel at last year's price. I asked him to walk me through his numbers, and he was right about fuel but had double-counted a new route. I rebuilt the budget on miles per route and a fuel range agreed with purchasing, which added £95k rather than the £240k he'd asked for. I showed him both versions on one page with the differences in plain words, and we agreed the middle scenario. I then set up a monthly fuel-price check, and when prices rose in February we re-forecast within a week instead of at quarter-end.` }),
  h({ id: 'h2-fi-opener-adequate', question: Q.fiOpener, band: 'adequate', note: 'Relevant summary but no concrete achievement.',
    answer: `I'm a qualified management accountant and I've worked in manufacturing for about five years, doing month-end, budgets and variance analysis. I enjoy working with operations teams and I'm looking for a role with more business partnering.` }),
  h({ id: 'h2-fi-gap-keywords', question: Q.fiGapPowerBi, band: 'hopeless', adversarial: 'keyword_stuffing', note: 'Tool names with no account of experience or plan.',
    answer: `Power BI, DAX, Power Query, data modelling, dashboards, Excel, pivot tables, SQL` }),
  h({ id: 'h2-fi-reconcile-german', question: Q.fiReconcile, band: 'hopeless', adversarial: 'other_language', note: 'Answered in German.',
    answer: `Ich würde zuerst prüfen, seit wann die Differenz besteht, und dann das Hauptbuch mit dem Nebenbuch für diesen Monat abgleichen. Danach würde ich eine Kontrolle einführen, damit es nicht wieder passiert.` }),
  // ── Support ─────────────────────────────────────────────────────────────────────────────
  h({ id: 'h2-su-angry-adequate', question: Q.suAngry, band: 'adequate', note: 'A real case handled, but little on the emotion and a thin outcome.',
    answer: `A customer was angry because his thermostat app kept logging him out. I said sorry and walked him through reinstalling the app, which fixed it. He calmed down once it was working.` }),
  h({ id: 'h2-su-coaching-adequate', question: Q.suCoaching, band: 'adequate', note: 'Helped a colleague with a specific skill, no measure of improvement.',
    answer: `A newer colleague was struggling with refund requests, so I sat with her for an afternoon and showed her how I handle them and which notes to leave. She was much more confident afterwards.` }),
  h({ id: 'h2-su-metrics-excellent', question: Q.suMetrics, band: 'excellent', note: 'Data-led, customer-centred design, measured, shared, with numbers.',
    answer: `I pulled three months of Zendesk tags and saw router set-up was 19% of all contacts, and that a third of those customers contacted us again within a week. I read 60 of those chats and listened to ten calls to find exactly where people got stuck: the lights on the router and the Wi-Fi password label. I wrote 30 short articles, each answering one question with a photo, and worked with marketing to link them from the welcome email. Over the next quarter repeat contacts about set-up fell by 22% and average handling time on set-up chats dropped by two minutes. I shared the breakdown with the product team, who moved the password label to the front of the router in the next batch.` }),
  h({ id: 'h2-su-closing-keywords', question: Q.suClosing, band: 'hopeless', adversarial: 'keyword_stuffing', note: 'Buzzwords instead of anything to add or ask.',
    answer: `Leadership, coaching, CSAT, Zendesk, empathy, ownership, teamwork, continuous improvement` }),
  h({ id: 'h2-su-angry-negated', question: Q.suAngry, band: 'weak', adversarial: 'negated', note: 'Denies ever having had the situation; no example.',
    answer: `I haven't really had any angry customers, to be honest. I've never had anyone shout at me, because I'm always polite to them from the start.` }),
  // ── Mixed failure types ─────────────────────────────────────────────────────────────────
  h({ id: 'h2-sw-conflict-pasted-portuguese', question: Q.swConflict, band: 'hopeless', adversarial: 'other_language', note: 'Answered in Portuguese.',
    answer: `Um colega queria reescrever o serviço de pagamentos antes do Natal e eu achava arriscado. Conversámos com a equipa, comparámos os riscos e decidimos adiar para janeiro.` }),
  h({ id: 'h2-rn-motivation-strong', question: Q.rnMotivation, band: 'strong', note: 'Specific reasons tied to the department and their own development.',
    answer: `I want to work in your emergency department because I've spent three years on acute medicine and the part I enjoy most is the first hour with a sick patient, which is what ED is about. Your department runs a structured triage training programme, and I want to become a triage nurse within two years. I also like that you're a major trauma unit, because I'd see a wider range of patients than at a district hospital.` }),
];
