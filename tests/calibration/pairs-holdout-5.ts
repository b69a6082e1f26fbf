/**
 * Issue 12's fifth holdout: 40 pairs over the eight professions, written after the last tuning
 * change (9eda0e2) and committed before being scored, never used to tune the scorer. Most of
 * them answer eight questions the scorer had never seen (questions.ts, "Fifth holdout"). Every
 * failure type of the issue is here: pasted answers, keyword lists, other languages, negated
 * claims, confident off-topic answers and rambling, beside ordinary excellent, strong, adequate
 * and weak answers of varied length and style. Bands are a career coach's judgement of each
 * answer, set when it was written. Do not tune against these: if the scorer needs tuning again,
 * fold them into the tuning pairs (saying so) and write a new holdout.
 *
 * Scored once (after 85d864c): 80.0% exact (32/40), 97.5% within one band, one answer two bands
 * off — below issue 12's bar (85% exact, none two bands off), which the calibration test keeps.
 * The misses, left untuned so this stays a holdout: a gap answer saying "I haven't used Go
 * professionally" scored 2 (a bare "Go" after "used" is not recognised as the language, so the
 * answer reads as off-focus); four short generic answers ("I always take ownership…", "I'd look
 * at the numbers…") scored 5 instead of weak; two pasted answers that partly fit scored 2
 * instead of weak; a 99-word excellent story scored 8.
 *
 * Then folded into the tuning pairs (flag tunedAfterHoldout), because folding the fourth holdout
 * had left one of its tuning pairs breaking an existing check (a disowned CV line scored 5), and
 * fixing that general cause changed this holdout's scores too. The causes fixed with it: "Go"
 * after "used", "know", "learned"… is the language; "If I see something broken" is no past
 * action; "I just wrote the articles" beside "I didn't really measure it myself" is no evidence;
 * a short scenario answer with no steps, reason, check or key point is weak. A sixth holdout was
 * written after that (pairs-holdout-6.ts).
 */
import type { CalibrationPair } from './pairs.js';
import { Q } from './questions.js';

const h = (pair: Omit<CalibrationPair, 'holdout'>): CalibrationPair => ({ ...pair, tunedAfterHoldout: true });

const SW_STORY = `Our nightly settlement report kept failing about once a week, and it belonged to the finance-tools team, who were busy with a migration. Shops were getting paid a day late when it failed, so I asked their lead if I could take a look. The logs showed it timed out whenever a bank file arrived after 2am, so I moved it to start when the file lands instead of at a fixed time, and added an alert if it hasn't finished by 6am. I walked their team through the change before merging it. It hasn't failed since, which is about five months now.`;
const PM_STORY = `After we launched online check-in at Pebble, I set a target of 60% of appointments checked in online within a month, against a baseline of zero, and watched drop-off at each step. The numbers showed 45% of people abandoned at the insurance step, so I sat in on six patients trying it and saw they didn't have their policy number to hand. We made that step optional and let them add it at the desk. Online check-in went from 31% to 58% in three weeks, and front-desk queues at 9am fell noticeably.`;

export const HOLDOUT_V5_PAIRS: readonly CalibrationPair[] = [
  // ── Software ─────────────────────────────────────────────────────────────────────────────
  h({ id: 'h5-sw-ownership-strong', question: Q.swOwnership, band: 'strong', note: 'Took on a problem outside their team, involved the owners, fixed it, with a lasting result.',
    answer: SW_STORY }),
  h({ id: 'h5-sw-ownership-weak', question: Q.swOwnership, band: 'weak', note: 'A general claim about being proactive, no occasion.',
    answer: `I'm someone who always takes ownership. If I see something broken I don't wait for someone else, I just get on and fix it, even if it's not my area. I think that's really important in a small company.` }),
  h({ id: 'h5-sw-incident-pasted', question: Q.swIncident, band: 'weak', adversarial: 'pasted', earlier: [{ questionNumber: 2, text: SW_STORY }],
    note: 'The settlement-report story from question 2 again; it is an incident of sorts, but no fresh example.', answer: SW_STORY }),
  h({ id: 'h5-sw-postgres-excellent', question: Q.swPostgres, band: 'excellent', note: 'Found the queries, chose the indexes with reasons, measured before and after, and weighed the migration cost.',
    answer: `Checkout p95 had crept up to 1.4 s during on-sales. I turned on pg_stat_statements and found two queries taking most of the time: the seat-availability lookup and a basket total that scanned the whole order-items table. EXPLAIN ANALYZE showed a sequential scan on both. I added a composite index on event and status for the first, because every lookup filters on both, and rewrote the second to aggregate only the current basket. The order-items table was large, so I created the index concurrently during a quiet hour to avoid locking writes. I compared p95 in Grafana for a week before and after: it went from 1.4 s to 350 ms, and the next on-sale had no checkout timeouts.` }),
  h({ id: 'h5-sw-gap-go-adequate', question: Q.swGapGo, band: 'adequate', note: 'Honest, some related experience, a loose plan without a timeframe.',
    answer: `I haven't used Go professionally. I've read some of the tour and written a couple of small programs. I'm strong in Python, so I think I'd pick it up by working on real tickets with code review from the team.` }),
  // ── Data ────────────────────────────────────────────────────────────────────────────────
  h({ id: 'h5-da-explain-excellent', question: Q.daExplain, band: 'excellent', note: 'Starts from the decision, plain language and one chart, checks understanding, and a decision follows.',
    answer: `Our store managers had to decide whether to keep a new ordering model that my analysis showed was cutting bread waste, but the model itself was a regression they'd never seen. I didn't show them the model. I started with the decision they had to make, then showed one chart per store: waste before and after, with the stores that didn't use the model as a comparison. I explained the model in one sentence, that it orders less on days like rainy Mondays when fewer people shop. I asked each manager whether the pattern matched what they saw on their shelves, and two pointed out a bank holiday I'd missed, so I corrected the chart the same day. All twelve pilot stores chose to keep it, and it's now being rolled out to 40 more.` }),
  h({ id: 'h5-da-explain-adequate', question: Q.daExplain, band: 'adequate', note: 'A real case and a sensible approach, but thin on checking understanding and the outcome.',
    answer: `I had to present my analysis of customer churn to the marketing team. Instead of going through all the statistics, I used a simple chart showing which customers were most likely to leave and kept the language simple. They found it useful.` }),
  h({ id: 'h5-da-gap-french', question: Q.daGapPython, band: 'hopeless', adversarial: 'other_language', note: 'Answered in French.',
    answer: `Je n'utilise pas encore Python au travail, mais je suis un cours en ligne sur pandas le soir. Je travaille surtout en SQL et je pense pouvoir apprendre rapidement avec l'aide de l'équipe pendant les premiers mois.` }),
  h({ id: 'h5-da-dashboard-offtopic', question: Q.daDashboard, band: 'hopeless', adversarial: 'off_topic', note: 'Confident, but about a fantasy-football spreadsheet, not a dashboard anyone relied on.',
    answer: `I love building things in my spare time. I run a fantasy football league with twenty friends and I built a spreadsheet that pulls in the weekly scores automatically, and everyone says it's the best league they've been in.` }),
  h({ id: 'h5-da-sql-strong', question: Q.daSql, band: 'strong', note: 'Real query work, validated, with a useful result; a little light on the reasoning.',
    answer: `The finance team wanted weekly margin by product category, which meant joining sales, promotions and supplier costs. I wrote the query with a CTE per source so each step could be checked on its own, and found that promotions were being counted twice when a product was in two offers, so I de-duplicated on promotion and date. I checked the totals against the finance ledger for four weeks and they matched to within £200. The report now goes out every Monday and replaced a spreadsheet that took someone a day.` }),
  // ── Nursing ─────────────────────────────────────────────────────────────────────────────
  h({ id: 'h5-rn-prioritise-excellent', question: Q.rnPrioritise, band: 'excellent', note: 'Safest order with reasons, safe delegation, escalation and the relative acknowledged.',
    answer: `The patient with a NEWS2 of 5 comes first, because that score needs an urgent review under our escalation policy. I'd go straight to him, repeat his observations and do an A to E assessment, then call the doctor using SBAR and increase his observations. The Parkinson's medication can't wait either, because a late dose can cause real harm, so before I went to the first patient I'd ask a colleague who is competent to give it, or the nurse in charge, to give it on time. I'd tell the nurse in charge what's happening so they can support. And I'd take ten seconds with the relative to say I've heard them and will come back at a set time, say half past eight, and make sure I do.` }),
  h({ id: 'h5-rn-prioritise-weak', question: Q.rnPrioritise, band: 'weak', note: 'Vague; no order, no reasons, no escalation.',
    answer: `I would prioritise based on who needs me most and try to get to everyone as soon as possible. Good time management is really important in nursing, and I'd ask for help if I needed it.` }),
  h({ id: 'h5-rn-prioritise-keywords', question: Q.rnPrioritise, band: 'hopeless', adversarial: 'keyword_stuffing', genuine: 'h5-rn-prioritise-excellent', note: 'Terms only.',
    answer: `NEWS2, ABCDE, SBAR, escalation, time-critical medication, delegation, communication, prioritisation` }),
  h({ id: 'h5-rn-deterioration-strong', question: Q.rnDeterioration, band: 'strong', note: 'Signs spotted, assessed, escalated with SBAR and an outcome; a little short on what she learned.',
    answer: `A lady two days after a hip operation became drowsy and her NEWS2 went from 1 to 6 in four hours. I did a full A to E assessment, found her blood sugar was 2.8, and gave glucose as per our hypo protocol while my colleague called the doctor. I handed over using SBAR when he arrived. Her sugar came back up within twenty minutes, and her diabetes medication was reviewed so it didn't happen again.` }),
  h({ id: 'h5-rn-closing-negated', question: Q.rnClosing, band: 'weak', adversarial: 'negated', note: 'Nothing to add and no question, with an admission.',
    answer: `Not really, I haven't got any questions. I don't think there's anything else, I've never really been sure what to ask at the end of interviews.` }),
  // ── Sales ───────────────────────────────────────────────────────────────────────────────
  h({ id: 'h5-sa-forecast-strong', question: Q.saForecast, band: 'strong', note: 'How the forecast was built, why it was wrong, told early, and a concrete change.',
    answer: `In Q3 I committed £240k and closed £170k. I build my forecast deal by deal from the stage and a date the buyer has agreed, and the miss was one £70k deal where I'd only ever spoken to the HR director. In the last week her CFO asked for a business case and pushed it into Q4. I told my manager the day I found out. Since then I don't put a deal in commit until I've met whoever signs off the budget, and my forecast has been within 10% for the last three quarters.` }),
  h({ id: 'h5-sa-forecast-rambling', question: Q.saForecast, band: 'weak', adversarial: 'rambling', note: 'Hedging and generalities; no quarter, no reason, no change.',
    answer: `Forecasting is always a bit of an art rather than a science, I think, and to be honest everyone gets it wrong sometimes. I guess it depends a lot on the buyers and the market, and things slip all the time for reasons you can't control. I suppose I try to be realistic, and probably I'm a bit more careful now than I used to be, but basically you just have to do your best and keep talking to your customers.` }),
  h({ id: 'h5-sa-deal-adequate', question: Q.saDeal, band: 'adequate', note: 'A real turnaround with one action, but little on how it was diagnosed or the outcome.',
    answer: `A deal stalled after the procurement team asked for a big discount. I went back to my champion and found out their real worry was the implementation time, so I offered a faster onboarding plan instead of the discount, and we signed it that month.` }),
  h({ id: 'h5-sa-motivation-portuguese', question: Q.saMotivation, band: 'hopeless', adversarial: 'other_language', note: 'Answered in Portuguese.',
    answer: `Quero trabalhar na Tallyworks porque o vosso produto resolve um problema real para os diretores financeiros, e já vendo para esse tipo de cliente há quatro anos. Gostaria de gerir contas maiores e ciclos de venda mais longos.` }),
  h({ id: 'h5-sa-opener-excellent', question: Q.saOpener, band: 'excellent', note: 'Concise path, measured results, linked directly to this role and product.',
    answer: `I've sold HR software to mid-sized companies for five years, first as an SDR and for the last three as an account executive at Brightfield. I've hit quota in eleven of my last twelve quarters, and last year I closed £1.1M, including our largest new customer, a 900-person retailer. Most of my deals are sold to a finance director alongside HR, which is exactly your buyer at Tallyworks, and payroll is the part of the conversation where I've seen those deals move fastest. I'm looking for larger deals and a longer cycle, and I'd like to keep prospecting a good share of my own pipeline, which I know you expect here.` }),
  // ── Product ─────────────────────────────────────────────────────────────────────────────
  h({ id: 'h5-pm-launch-excellent', question: Q.pmLaunch, band: 'excellent', note: 'Goal and baseline, guardrails, qualitative evidence and a decision rule.',
    answer: `I'd go back to what the new flow was meant to change, say completed bookings per visitor and drop-off at each step, and compare the three weeks with the three weeks before launch, adjusting for the season. Then I'd check the guardrails: booking errors, calls to the clinic about bookings, and no-shows, because a flow that is faster but leads to more wrong appointments isn't working. The numbers tell me where people drop off but not why, so I'd watch a handful of session recordings at the worst step and ask the front-desk staff what patients are saying. If bookings are up and the guardrails are flat, we keep it and fix the worst step; if a guardrail has moved, I'd pause and look at that before anything else.` }),
  h({ id: 'h5-pm-launch-adequate', question: Q.pmLaunch, band: 'adequate', note: 'Sensible metrics and a comparison, but no guardrails or decision.',
    answer: `I'd look at the conversion rate of the booking flow compared with before the launch, and check how many people drop off at each step. I'd also read any feedback from users to see if they are finding it easier.` }),
  h({ id: 'h5-pm-experiment-pasted', question: Q.pmExperiment, band: 'weak', adversarial: 'pasted', earlier: [{ questionNumber: 3, text: PM_STORY }],
    note: 'The check-in story from question 3 again; it is evidence-led, but not the A/B test that was asked about.', answer: PM_STORY }),
  h({ id: 'h5-pm-research-strong', question: Q.pmResearch, band: 'strong', note: 'Research method, a surprising finding and a changed plan; thin on the result after launch.',
    answer: PM_STORY }),
  h({ id: 'h5-pm-opener-weak', question: Q.saOpener, band: 'weak', note: 'A career summary with no link to sales results or this role.',
    answer: `I studied business at university and then worked in marketing for a couple of years before moving into sales. I've done a bit of everything really, and I'm a people person, so I think sales suits me.` }),
  // ── Teaching ────────────────────────────────────────────────────────────────────────────
  h({ id: 'h5-te-adapt-strong', question: Q.teAdapt, band: 'strong', note: 'Noticed, changed course mid-lesson, checked understanding and now does it differently.',
    answer: `I was teaching a Year 9 class how to balance equations, and fifteen minutes in their mini-whiteboards showed most of them were changing the small numbers inside the formulas. I stopped the worked examples, got out the molecular model kits, and had them build both sides of the reaction in pairs so they could see atoms had to match. At the end, their exit questions showed 24 out of 28 could balance a simple equation. I now start that topic with the models instead of the board.` }),
  h({ id: 'h5-te-adapt-adequate', question: Q.teAdapt, band: 'adequate', note: 'A real change of course, but thin on how they checked it worked.',
    answer: `My Year 7s weren't getting the idea of particles from my explanation, so I switched to getting them to act it out as solids, liquids and gases. It was a bit noisy but they understood it much better.` }),
  h({ id: 'h5-te-behaviour-offtopic', question: Q.teBehaviour, band: 'hopeless', adversarial: 'off_topic', note: 'Confident, but about running a science club trip, not managing behaviour.',
    answer: `I organised a trip for our science club to the Natural History Museum last summer. I booked the coach, planned the worksheets and got permission from all the parents, and the students said it was the best trip they'd been on.` }),
  h({ id: 'h5-te-data-negated', question: Q.teData, band: 'weak', adversarial: 'negated', note: 'Disowns the data work on the CV line; nothing specific.',
    answer: `To be honest I didn't really use the data myself, the head of department did most of that. I just taught the lessons and the results went up that year.` }),
  h({ id: 'h5-te-motivation-strong', question: Q.teMotivation, band: 'strong', note: 'Specific reasons tied to the school, their experience and what they want to do next.',
    answer: `Oakfield's results in combined science have gone up three years running, and from your website it looks like that's come from the department planning together, which is how I like to work. I've led our Key Stage 3 practical scheme at Kingsway for two years, and I'd like to bring that here while teaching more A-level, which I only get one group of at the moment.` }),
  // ── Finance ─────────────────────────────────────────────────────────────────────────────
  h({ id: 'h5-fi-variance-excellent', question: Q.fiVariance, band: 'excellent', note: 'Volume and price split, one-offs separated, checked with budget holders, and a clear forward-looking summary.',
    answer: `I'd start by breaking the 10% down by cost line and splitting each one into volume and price: if we produced 6% more than budgeted, a good part of the overspend is just volume and that's a different conversation from a price problem. Then I'd separate one-offs, like an emergency repair or a backdated pay award, from things that will carry on. Before presenting anything I'd go through the biggest lines with the budget holders, because they'll know things the ledger doesn't, such as a supplier changing terms. For the director I'd give one page: the three lines that explain most of the variance, what's one-off and what isn't, the actions agreed with each owner, and an updated forecast for the year.` }),
  h({ id: 'h5-fi-variance-weak', question: Q.fiVariance, band: 'weak', note: 'Says they would look at the numbers, nothing about how.',
    answer: `I'd look at the numbers to see where the costs have gone up and then explain it to the operations director. I'd try to find out what happened and put together a report.` }),
  h({ id: 'h5-fi-reconcile-keywords', question: Q.fiReconcile, band: 'hopeless', adversarial: 'keyword_stuffing', note: 'Terms only.',
    answer: `Bank reconciliation, suspense account, journals, cut-off, accruals, controls, month-end close, Excel, SAP.` }),
  h({ id: 'h5-fi-budget-adequate', question: Q.fiBudgetHolder, band: 'adequate', note: 'A real disagreement and a reasonable fix, but little about how it was resolved or the result.',
    answer: `The sales director thought I'd put too little in his budget for travel. I looked at what they'd actually spent over the last two years and it was higher than I'd assumed, so I increased it and explained the change to the finance director.` }),
  h({ id: 'h5-fi-opener-italian', question: Q.fiOpener, band: 'hopeless', adversarial: 'other_language', note: 'Answered in Italian.',
    answer: `Sono una contabile di gestione con sette anni di esperienza nel settore manifatturiero. Mi occupo della chiusura mensile, dell'analisi degli scostamenti e del budget, e ho ridotto i tempi di chiusura da nove a cinque giorni.` }),
  // ── Support ─────────────────────────────────────────────────────────────────────────────
  h({ id: 'h5-su-rootcause-excellent', question: Q.suRootCause, band: 'excellent', note: 'Pattern spotted in the data, cause found with the right team, a fix shipped and a measured drop.',
    answer: `I noticed I was answering the same question several times a day: customers whose thermostat showed the wrong temperature after a power cut. I searched our tickets and found 140 in a month with the same symptom. I took ten examples to the firmware team, and they found that after a power cut the thermostat restored an old calibration value. Until they could fix it, I wrote a two-step help article and a macro for the team. The firmware fix shipped six weeks later, and contacts about wrong temperatures went from about 140 a month to under 20.` }),
  h({ id: 'h5-su-rootcause-adequate', question: Q.suRootCause, band: 'adequate', note: 'Spotted a pattern and got a change made, but no measurement.',
    answer: `A lot of customers were calling because the password reset email went to spam. I told the product team about it and they changed the sender address. After that we got fewer calls about it.` }),
  h({ id: 'h5-su-coaching-weak', question: Q.suCoaching, band: 'weak', note: 'General about being helpful, no particular colleague or result.',
    answer: `I'm always happy to help colleagues. If someone is struggling I'll give them tips and share how I do things, and people often come to me with questions.` }),
  h({ id: 'h5-su-angry-strong', question: Q.suAngry, band: 'strong', note: 'Listens, owns it, fixes it and follows up; outcome stated.',
    answer: `A customer called shouting because an engineer had missed two appointments and she'd taken both days off work. I let her finish, apologised properly and said I would sort it myself rather than pass her on. I booked the first morning slot, rang the engineer's manager to make sure it would happen, and credited her account for both days. I called her after the visit; the thermostat was working, and she said she'd stay with us.` }),
  h({ id: 'h5-su-metrics-pasted', question: Q.suMetrics, band: 'hopeless', adversarial: 'pasted', earlier: [{ questionNumber: 2, text: `A customer called shouting because an engineer had missed two appointments and she'd taken both days off work. I let her finish, apologised properly and said I would sort it myself rather than pass her on. I booked the first morning slot, rang the engineer's manager to make sure it would happen, and credited her account for both days. I called her after the visit; the thermostat was working, and she said she'd stay with us.` }],
    note: 'The angry-customer story pasted for a question about the help-centre articles: not about them at all.',
    answer: `A customer called shouting because an engineer had missed two appointments and she'd taken both days off work. I let her finish, apologised properly and said I would sort it myself rather than pass her on. I booked the first morning slot, rang the engineer's manager to make sure it would happen, and credited her account for both days. I called her after the visit; the thermostat was working, and she said she'd stay with us.` }),
];
