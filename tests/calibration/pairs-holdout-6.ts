/**
 * Issue 12's sixth holdout: 42 pairs over the eight professions, written after the last tuning
 * change (bf587a0) and committed before being scored, never used to tune the scorer. Most of
 * them answer eight questions the scorer had never seen (questions.ts, "Sixth holdout"). Every
 * failure type of the issue is here: pasted answers, keyword lists, other languages, negated
 * claims, confident off-topic answers and rambling, beside ordinary excellent, strong, adequate
 * and weak answers of varied length and style. Bands are a career coach's judgement of each
 * answer, set when it was written. Do not tune against these: if the scorer needs tuning again,
 * fold them into the tuning pairs (saying so) and write a new holdout.
 *
 * Scored once (after af0f460): 71.4% exact (30/42), 92.9% within one band, three answers two
 * bands off — below issue 12's bar (85% exact, none two bands off), which the calibration test
 * keeps. Left untuned, so it stays the holdout. The misses, by cause:
 * - the relevance gate caps on-topic answers whose focus is told in words the competency cues
 *   lack: "I'd filtered out the online orders… the number was wrong" (attention to detail,
 *   strong → 4), "so I started giving him printed notes with gaps" (adaptability, adequate → 2);
 * - the admission rule reads "pupils who can't do that will struggle" in a scenario plan as an
 *   admission of a gap, and a plan is all "I'd" sentences, so nothing counts as evidence
 *   (strong → 4);
 * - five excellent answers scored 7–8 (the top band needs more than the features see);
 * - four generic or disowning answers scored 5 instead of weak.
 * One change was made after scoring, which moved no score: a pasted answer that is also off-topic
 * is now named as a repeat (the existing pasted-answer check).
 *
 * Then folded into the tuning pairs (flag tunedAfterHoldout): the general causes behind these
 * misses were fixed (b7054c6; pinned in tests/unit/offline/generalisation.test.ts on answers
 * written for those tests), and this file was re-scored many times while doing so, so it is no
 * longer a holdout. The causes: relevance read the question's exact words only (now words that
 * share a synonym group count too: "wrong" for "mistake", "girl" for "pupil"); someone else's
 * negation in a story ("pupils who can't…", "he wasn't readmitted") was read as the candidate
 * admitting a gap; "double check" and "twice" counted as measured results; a short answer that
 * names nothing was not recognised as generic; a one-step plan earned the floor of a plan in
 * steps. After the fixes this file scores 90.5% exact (38/42), none two bands off — not a
 * holdout figure. The excellent answers held at 8 by length (under ~110 words) are left as they
 * were: lifting dense answers cost more tuning pairs (strong answers to 9–10) than it gained. A
 * seventh holdout was written after this (pairs-holdout-7.ts).
 */
import type { CalibrationPair } from './pairs.js';
import { Q } from './questions.js';

const h = (pair: Omit<CalibrationPair, 'holdout'>): CalibrationPair => ({ ...pair, tunedAfterHoldout: true });

const FI_STORY = `Supplier invoices at Northgate were keyed in by hand from PDFs, and about one in twenty had an error, usually a wrong VAT amount, which we only found at month-end. I mapped the process with the two AP clerks and found most errors came from five suppliers with unusual invoice layouts. I set up our accounts payable system's invoice scanning for the top thirty suppliers, with a rule that flags any invoice whose VAT isn't 20% of the net. Errors fell to about one in two hundred within three months, and the clerks saved roughly two days a month. I wrote a one-page guide and trained the new starter on it.`;
const SU_STORY = `On the Monday after a storm we had 400 chats waiting by 10am, mostly customers whose thermostats had lost Wi-Fi after a power cut. I checked with engineering that it was the known reconnect issue, wrote a three-step fix as a macro and pinned it to the top of the help centre. I moved two agents to phone calls for customers flagged as vulnerable or with no heating, and asked the billing team to lend us two people for the afternoon. By 4pm the queue was under 50, and we now publish that reconnect guide automatically whenever there's a regional power cut.`;

export const HOLDOUT_V6_PAIRS: readonly CalibrationPair[] = [
  // ── Software ─────────────────────────────────────────────────────────────────────────────
  h({ id: 'h6-sw-testing-excellent', question: Q.swTesting, band: 'excellent', note: 'Risky cases named, tests at the right levels, a flagged rollout with metrics, and a way back.',
    answer: `I'd start by listing what can go wrong with money: rounding on partial amounts, refunds in currencies with no minor units like yen, several partial refunds adding up to more than the original payment, and a refund retried after a timeout. Each of those becomes a unit test on the calculation, plus one integration test against the payment provider's sandbox for the full refund path. I'd release it behind a flag to a few shops first and watch refund failures, the total refunded per day against the previous weeks, and support tickets about refunds. If anything looks off I can switch the flag back, and because every refund is logged with its calculation, we can find and correct any wrong amounts afterwards.` }),
  h({ id: 'h6-sw-testing-weak', question: Q.swTesting, band: 'weak', note: 'A generic intention, no risky cases, no release plan.',
    answer: `I'd make sure there are good unit tests for the new logic and that everything passes before it goes out. Testing is really important for anything to do with payments.` }),
  h({ id: 'h6-sw-conflict-strong', question: Q.swConflict, band: 'strong', note: 'A real disagreement, listened, tested the idea, reached a decision; outcome stated.',
    answer: `A colleague wanted to move our webhook sending to a new queue service, and I thought it was too risky two weeks before Black Friday. Instead of arguing in the pull request, we sat down and listed what each of us was worried about: he was worried about lost webhooks under load, I was worried about a new system failing at peak. We agreed to load-test the current setup at three times normal traffic. It held up, so we kept it for Black Friday and he moved it to the new queue in January, with my review. Both went smoothly.` }),
  h({ id: 'h6-sw-opener-german', question: Q.swOpener, band: 'hopeless', adversarial: 'other_language', note: 'Answered in German.',
    answer: `Ich bin Backend-Entwickler mit fünf Jahren Erfahrung, hauptsächlich mit Python und PostgreSQL. Bei Coppergate Tickets habe ich den Checkout-Service betreut und die Ladezeit deutlich verbessert.` }),
  h({ id: 'h6-sw-kafka-rambling', question: Q.swKafka, band: 'weak', adversarial: 'rambling', note: 'Hedging generalities about Kafka; never says how duplicates or crashes are handled.',
    answer: `Kafka is a really powerful tool, and I think exactly-once is one of those things people talk about a lot. To be honest it's quite complicated, and I guess it depends on your setup and how your consumers are configured. I've read a few blog posts about it, and basically there are different approaches, so I'd probably look at what the team already does and go from there, because every company does it slightly differently.` }),
  // ── Data ────────────────────────────────────────────────────────────────────────────────
  h({ id: 'h6-da-mistake-strong', question: Q.daMistake, band: 'strong', note: 'Owned it quickly, worked out the impact, corrected it and changed how they check.',
    answer: `I sent the regional managers a report showing one store's sales had dropped 12%, and the next morning I realised I'd filtered out the store's online orders. I emailed them before their meeting to say the number was wrong and the real drop was 3%, and reran the report with the online orders included. Since then I reconcile every report's total against the finance daily sales figure before I send it.` }),
  h({ id: 'h6-da-mistake-negated', question: Q.daMistake, band: 'weak', adversarial: 'negated', note: 'Claims never to have made one; no example.',
    answer: `I can't think of a time that's happened, to be honest. I'm very careful and I always double check everything before I share it, so I haven't really had that problem.` }),
  h({ id: 'h6-da-stakeholder-keywords', question: Q.daStakeholder, band: 'hopeless', adversarial: 'keyword_stuffing', note: 'Terms only.',
    answer: `Stakeholder management, data storytelling, evidence-based decisions, SQL, Power BI, influencing, communication` }),
  h({ id: 'h6-da-explain-weak', question: Q.daExplain, band: 'weak', note: 'Generic about keeping things simple; no occasion.',
    answer: `I always try to avoid jargon when I present to non-technical people and keep my slides simple. People usually say my presentations are easy to follow.` }),
  h({ id: 'h6-da-sql-adequate', question: Q.daSql, band: 'adequate', note: 'A real query and a use for it, but nothing on how it was checked or the impact.',
    answer: `I wrote a query that joined our sales and stock tables to show which products were selling out in each store. I used a couple of window functions to compare each week with the one before. The buying team used it in their weekly meeting.` }),
  h({ id: 'h6-da-motivation-offtopic', question: Q.daMotivation, band: 'hopeless', adversarial: 'off_topic', note: 'Confident, but about the commute and pay, nothing about Hollybush or the work.',
    answer: `Honestly the main thing is location, it's ten minutes from my house, and the salary is a good step up from what I'm on now. I've also heard the office has a really good canteen.` }),
  // ── Nursing ─────────────────────────────────────────────────────────────────────────────
  h({ id: 'h6-rn-discharge-excellent', question: Q.rnDischarge, band: 'excellent', note: 'Early involvement of the right people, coordination with the family, a problem solved and a good outcome.',
    answer: `An 84-year-old man who lived alone was medically fit after a chest infection, but he was unsteady and his daughter was worried about him going home. On the day he became fit I referred him to physio and the occupational therapist, and asked pharmacy to put his new medicines in a blister pack because he'd been muddling his tablets. The OT visit found he couldn't get up from his chair safely, and the care package the social worker arranged only started the following week. I called a short meeting with the daughter, the OT and the social worker, and we agreed he'd go home with a raised chair and a pendant alarm, and his daughter would stay for the first four days. He went home two days later and wasn't readmitted; the district nurses told us he was managing well at his two-week check.` }),
  h({ id: 'h6-rn-discharge-adequate', question: Q.rnDischarge, band: 'adequate', note: 'Real coordination, but thin on the plan and no outcome detail.',
    answer: `I had a patient who needed a walking frame and some help at home before she could be discharged. I referred her to physio and the social worker and kept her family updated. She went home a few days later with carers twice a day.` }),
  h({ id: 'h6-rn-deterioration-pasted', question: Q.rnDeterioration, band: 'hopeless', adversarial: 'pasted', earlier: [{ questionNumber: 2, text: `I had a patient who needed a walking frame and some help at home before she could be discharged. I referred her to physio and the social worker and kept her family updated. She went home a few days later with carers twice a day.` }],
    note: 'The discharge answer pasted again for a question about a deteriorating patient: it does not answer it.',
    answer: `I had a patient who needed a walking frame and some help at home before she could be discharged. I referred her to physio and the social worker and kept her family updated. She went home a few days later with carers twice a day.` }),
  h({ id: 'h6-rn-priorities-strong', question: Q.rnPriorities, band: 'strong', note: 'Prioritised by acuity, delegated and escalated, with an outcome.',
    answer: `On a night shift I had eight patients and two admissions arrived within ten minutes while a patient with chest pain needed an ECG. I did the ECG first, because chest pain can't wait, and showed it to the doctor straight away. I asked the healthcare assistant to do the admissions' observations and told the nurse in charge I'd need help with the drug round. The ECG was normal, both admissions were settled within the hour, and nobody's medicines were late.` }),
  h({ id: 'h6-rn-motivation-weak', question: Q.rnMotivation, band: 'weak', note: 'Generic; nothing about this hospital or department.',
    answer: `I've always wanted to work in a hospital like this and I think it would be a good opportunity for me. I'm a hard worker and I really care about my patients.` }),
  // ── Sales ───────────────────────────────────────────────────────────────────────────────
  h({ id: 'h6-sa-price-excellent', question: Q.saPrice, band: 'excellent', note: 'Asks what is compared, reframes on value with numbers, trades not gives, and knows the limit.',
    answer: `First I'd ask what exactly she's comparing, because in my experience the cheaper quote often leaves out the expenses module or charges separately for onboarding. If it really is like for like, I'd go back to the numbers we agreed in discovery: they spend about 60 hours a month fixing payroll errors, which is worth more than the price gap in the first year. If she still needs movement, I'd trade rather than discount: a lower first-year price in return for a three-year term and a case study, or paying annually up front. I'd agree my limit with my manager before the call, and if she needs more than that, I'd rather tell her honestly than damage the margin on a deal that would still be hard to run.` }),
  h({ id: 'h6-sa-price-adequate', question: Q.saPrice, band: 'adequate', note: 'Reframes on value sensibly, but no questions, no trade and no limit.',
    answer: `I'd explain that we might be more expensive but our product saves their team a lot of time and has better support, so it's better value overall. I'd try to show them the return on investment rather than just dropping the price.` }),
  h({ id: 'h6-sa-price-keywords', question: Q.saPrice, band: 'hopeless', adversarial: 'keyword_stuffing', genuine: 'h6-sa-price-excellent', note: 'Negotiation terms only.',
    answer: `Value selling, ROI, objection handling, BATNA, give-get, multi-year discount, executive sponsor.` }),
  h({ id: 'h6-sa-missed-strong', question: Q.saMissedTarget, band: 'strong', note: 'Owns a real miss, clear reason, concrete change and a recovery.',
    answer: `In my first year as an AE I finished Q4 at 71%. Looking back with my manager, I'd spent too long on small deals that came in through the website and had almost no outbound pipeline. In January I set myself a target of fifteen outbound meetings a month and stopped taking inbound leads under 50 employees. By Q2 I was at 104%, and more than half my pipeline was my own.` }),
  h({ id: 'h6-sa-deal-negated', question: Q.saDeal, band: 'weak', adversarial: 'negated', note: 'Admits never having turned a deal round; only an intention.',
    answer: `I haven't really had a deal that looked lost and then came back. When deals go quiet I usually move on to other opportunities, but I would like to get better at re-engaging them.` }),
  // ── Product ─────────────────────────────────────────────────────────────────────────────
  h({ id: 'h6-pm-triage-strong', question: Q.pmTriage, band: 'strong', note: 'Goal first, impact and effort with evidence, talks to requesters, communicates; no mention of what happens next for the others.',
    answer: `I'd start from our goal for the quarter, say reducing missed appointments, and ask each requester what problem their feature solves and how they know it's a problem. Then I'd estimate impact against that goal with whatever evidence we have, like support tickets or lost deals, and get a rough size from engineering. The one with the most impact for the effort goes first. I'd explain the decision to all three in the same message, with the numbers, so nobody feels it was made behind closed doors.` }),
  h({ id: 'h6-pm-triage-weak', question: Q.pmTriage, band: 'weak', note: 'Defers to seniority; no criteria or evidence.',
    answer: `I'd probably go with the CEO's request, because they set the direction for the company, and then explain to sales and support that we'll try to fit theirs in later.` }),
  h({ id: 'h6-pm-triage-adequate', question: Q.pmTriage, band: 'adequate', note: 'A sensible criterion, but no evidence and nothing on communicating it.',
    answer: `I'd look at which of the three has the biggest impact on our customers and on our goals for the quarter, and ask engineering roughly how long each would take. Then I'd pick the one that gives the most value for the effort.` }),
  h({ id: 'h6-pm-experiment-dutch', question: Q.pmExperiment, band: 'hopeless', adversarial: 'other_language', note: 'Answered in Dutch.',
    answer: `We hebben twee versies van het aanmeldformulier getest, elk met de helft van de nieuwe bezoekers, gedurende drie weken. De kortere versie leverde twaalf procent meer aanmeldingen op, dus die hebben we gehouden.` }),
  h({ id: 'h6-pm-closing-pasted', question: Q.pmClosing, band: 'hopeless', adversarial: 'pasted', earlier: [{ questionNumber: 5, text: `I'd probably go with the CEO's request, because they set the direction for the company, and then explain to sales and support that we'll try to fit theirs in later.` }],
    note: 'An earlier answer pasted as the closing answer.',
    answer: `I'd probably go with the CEO's request, because they set the direction for the company, and then explain to sales and support that we'll try to fit theirs in later.` }),
  h({ id: 'h6-pm-research-excellent', question: Q.pmResearch, band: 'excellent', note: 'Clear method, a surprising finding, a changed plan and a measured result.',
    answer: `We were about to build reminder texts for missed appointments because no-shows were 14%. Before building, I phoned twenty patients who had missed one in the last month. Only three said they'd forgotten; most said they'd tried to cancel but couldn't find how to do it in the app, so they just didn't turn up. We dropped the reminders for now and put a cancel button on the appointment card instead, which took a week. No-shows fell to 9% over the next two months, and the clinics could rebook most of the cancelled slots.` }),
  // ── Teaching ────────────────────────────────────────────────────────────────────────────
  h({ id: 'h6-te-struggling-excellent', question: Q.teStruggling, band: 'excellent', note: 'Found the cause, a specific change, worked with the SENCo and parents, measured progress.',
    answer: `A Year 10 girl was scoring well in class discussions but under 30% on written tests. I sat with her after a lesson and asked her to talk me through a question, and she could explain it perfectly but froze when she had to write it down. I spoke to the SENCo, who arranged a dyslexia screening, and it came back positive. I started giving her the key vocabulary for each topic in advance, used writing frames for longer answers, and she got extra time in tests. I also agreed with her mum that she'd practise one exam question a week at home. Her end-of-year result was 61%, and she's now chosen separate sciences for Year 11.` }),
  h({ id: 'h6-te-struggling-adequate', question: Q.teStruggling, band: 'adequate', note: 'A real adaptation, but little on why he struggled or how much he improved.',
    answer: `I had a boy in Year 8 who couldn't keep up with the note-taking, so I started giving him printed notes with gaps to fill in. He seemed much more engaged after that and his work improved.` }),
  h({ id: 'h6-te-behaviour-spanish', question: Q.teBehaviour, band: 'hopeless', adversarial: 'other_language', note: 'Answered in Spanish.',
    answer: `Durante una clase práctica, dos alumnos empezaron a pelearse cerca de los mecheros. Mantuve la calma, apagué el gas, separé a los alumnos y después llamé a sus familias. No volvió a pasar.` }),
  h({ id: 'h6-te-design-strong', question: Q.teDesign, band: 'strong', note: 'Prior knowledge checked, small steps with practice and checks; a little light on misconceptions.',
    answer: `I'd open with a short quiz on relative formula mass, because pupils who can't do that will struggle with moles. Then I'd introduce the mole with something concrete, like counting out a mole of different substances on the balance, before moving to the calculation triangle. Each lesson would have a worked example, then paired practice, and mini-whiteboard questions so I can see who needs help. I'd end the sequence with an exam-style question to check they can use it without prompts.` }),
  h({ id: 'h6-te-data-rambling', question: Q.teData, band: 'weak', adversarial: 'rambling', note: 'Generalities and hedging; no data, change or result.',
    answer: `Data is really important in schools now, and I think we use it a lot, probably too much sometimes to be honest. I guess I look at the tracking spreadsheets and the mock results like everyone does, and basically you can see who's behind. It's quite hard to say exactly what made the difference with that group, because there were lots of things going on, but I suppose the results were good in the end, which was nice for everyone.` }),
  // ── Finance ─────────────────────────────────────────────────────────────────────────────
  h({ id: 'h6-fi-improve-excellent', question: Q.fiImprove, band: 'excellent', note: 'Found the cause with the people doing it, a targeted change, measured improvement and made it stick.',
    answer: FI_STORY }),
  h({ id: 'h6-fi-improve-weak', question: Q.fiImprove, band: 'weak', note: 'Vague; no process, change or result.',
    answer: `I'm always looking for ways to make things more efficient. I've improved a lot of processes over the years, mostly by using Excel better and automating things where I can.` }),
  h({ id: 'h6-fi-budget-pasted', question: Q.fiBudgetHolder, band: 'hopeless', adversarial: 'pasted', earlier: [{ questionNumber: 3, text: FI_STORY }],
    note: 'The invoice-scanning story pasted for a question about a budget holder who disagreed: not about that at all.', answer: FI_STORY }),
  h({ id: 'h6-fi-gap-adequate', question: Q.fiGapPowerBi, band: 'adequate', note: 'Honest, close experience, but a plan without a timeframe.',
    answer: `I haven't used Power BI, but I use Power Query and pivot tables every month for our management pack, so the data side isn't new to me. I'd do Microsoft's online training and then try rebuilding one of our existing reports in it.` }),
  h({ id: 'h6-fi-reconcile-strong', question: Q.fiReconcile, band: 'strong', note: 'A methodical search and a control to stop a repeat; a little generic.',
    answer: `I'd start by checking when the account last reconciled and look only at postings since then. I'd compare the control account with the sub-ledger by day to find when the difference appeared, then look at journals posted directly to the control account, since that's the usual cause, along with cut-off problems at month-end. Once I'd found it, I'd correct it and add a monthly check that flags any manual journal to that account for review.` }),
  // ── Support ─────────────────────────────────────────────────────────────────────────────
  h({ id: 'h6-su-queue-excellent', question: Q.suQueue, band: 'excellent', note: 'Found the driver, prioritised vulnerable customers, organised help, a measured end and a lasting change.',
    answer: SU_STORY }),
  h({ id: 'h6-su-queue-adequate', question: Q.suQueue, band: 'adequate', note: 'A real busy day handled sensibly, but little on priorities or outcome.',
    answer: `One Monday we had a huge queue after a billing error sent people the wrong bills. I asked the team to use a template reply so we could get through the chats faster, and I took some of the calls myself. We got through it by the end of the day.` }),
  h({ id: 'h6-su-angry-offtopic', question: Q.suAngry, band: 'hopeless', adversarial: 'off_topic', note: 'Confident, but about their sales results, no angry customer.',
    answer: `I'm really proud that I was top of the team for upgrades last quarter. I sold 45 upgrades to premium support, mostly by mentioning it at the end of calls, and my manager said it was a record.` }),
  h({ id: 'h6-su-coaching-strong', question: Q.suCoaching, band: 'strong', note: 'A specific gap, a concrete change with follow-up and a result.',
    answer: `A new agent kept escalating simple billing questions to me, around ten a day. I sat with her for two afternoons, and we went through the five questions she escalated most and wrote her own checklist for each. I checked in with her at the end of each day that week. By the second week she was escalating one or two a day, and she's now the person others ask about billing.` }),
  h({ id: 'h6-su-metrics-negated', question: Q.suMetrics, band: 'weak', adversarial: 'negated', note: 'Disowns the work on the CV line.',
    answer: `I didn't really come up with that, my manager told us to write some articles. I wrote a few of them but I'm not sure how the numbers were worked out.` }),
];
