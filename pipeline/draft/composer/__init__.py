"""The default drafter: composes plain-language fields from a content plan. No model weights.

spaCy's tokenizer and a rule sentence splitter segment each abstract section; ``plan`` works out
what the abstract says (design, review size, certainty, which sentence is aim, finding or
conclusion); ``fields`` writes each lay field from its plan with the sentence templates of
``prompts/composer.v<N>.yaml`` and source sentences simplified by ``simplify``. Every number in
a draft comes from the article; a field never gets a sentence that would break that.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from pipeline.domain import NOT_SPECIFIED, Article, DraftFields, Facts, PracticalPoint
from pipeline.draft import rewrite as rw
from pipeline.draft.base import BACKENDS, DraftResult, Provenance, draft_over_section_docs
from pipeline.draft.composer.fields import Writer, explanation
from pipeline.draft.composer.plan import Plan, build_plan
from pipeline.draft.composer.simplify import Realiser, job_seconds, run_batched
from pipeline.draft.composer.templates import ComposerTemplates, load_templates
from pipeline.draft.extractive import get_segmenter
from pipeline.draft.sentences import build_sentences, centrality
from pipeline.enrich import design as d
from pipeline.enrich.evidence import evidence_label
from pipeline.errors import ConfigError, DraftError
from pipeline.settings import Settings
from pipeline.text.patterns import compile_gated
from pipeline.text.swaps import (
    Lexicon,
    WordSwap,
    explain_first_use,
    fixed_names,
    lexicon_for,
    swaps_in_fields,
    word_lists_hash,
)
from pipeline.text.typos import mend_slips

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# 2: the simple explanation is never empty; 3: parse-based sentence splitting, URLs kept;
# 4: content plans per kind of work (prompts/composer.v2.yaml); 5: limitation cues need design
# words ("pilot trial", "uncontrolled study"), practical implications never empty, run-in
# headings before "It/We/Our" dropped, the conclusion's first claim preferred in the simple explanation;
# 6: the topic is the head of the aim or title (lower-cased, "-ing" titles said as what was done),
# plainer certainty sentences, no "Their" without an antecedent, no bare numbers, cautions or
# review sizes as the simple explanation's answer; plain research vocabulary and safer swaps
# (data/glossary research_vocabulary); key findings are results, compressed (composer/compress.py);
# practical implications from the abstract's own "could help"/"should be considered" sentences
# (before key findings), titled by what they say, templates per kind of work naming the topic;
# limitations the abstract states ("Limitations:" sections, "limited by") and more design cues;
# 7 (vocabulary): a sentence's first word may be swapped ("Adverse events" -> "Side effects"), more
# research prose swaps (observed, occur, contribute to, failed to), a/an before "un-" words and numbers
# 7: the simple explanation's answer is the best-scored main claim (plan.py main_claims: claim cues,
# no statistics, side statements or one study of several; unlabelled abstracts searched past a
# misread role), a further result is never a side statement, and the fallback never says a call for
# more research
# 7: key findings never say one result twice nor what a review's studies did; a follow-up is said as
# one ("Follow-up lasted 6 months."), a review gives no period; "a UCT" -> "an unconditional ..."; a
# result of two verbs sharing a short subject gives two findings, ", but B" gives "B" as its own finding;
# "linked to X" is never a purpose clause; the research summary names the kind of work without a design
# 7: every simple-explanation sentence above simple_words loses its claim-free parts and is split
# at a clause boundary (composer/shorten.py: one subject with two verbs, ", but"), hedges kept;
# primary research says why it matters after the topic when an opening sentence says it plainly;
# a title's design lead ("A population-based study of X") is not repeated after "This study looked at"
# 8 (reading): the simple explanation's long sentences lose a report frame that adds no hedge ("The
# data show that X" -> "X") and "the use of" after "support"/"from"/"for"; a title's pair of process
# nouns ("Identification and functional analysis of X") is not said after "looked at", a question
# title gives no topic sentence, a title is cut at "; "
# 8 (vocabulary, h8lex): "mortality" -> "deaths", a wording with its own "of"/"the" never before
# the noun the term modifies ("relapse rates"), deny-list from a read of every swap on 60 pages,
# abbreviations written out in "who took part", "individuals" kept in animal studies
# 8: the simple explanation's answer: a stated conclusion ("Our review concludes", "Thus, ...") first;
# never a data gap, scarce evidence, an outlook ("would improve"), an aim ("Here, we assess"), a
# contrast or demonstrative that points back ("Conversely, ... these agents"), or a review's size;
# a long claim is said without its concession, method lead-in, trailing explanation or second verb;
# counts of a review's parts are no review size; the answer is never said twice (a further result
# that restates it, "only one study" twice, a caveat restating "no evidence": "An effect may still
# exist, but the studies did not show one."); "These findings" -> "The findings"
# 8 (fields, h8fields): long key findings and research-summary sentences are split at clause
# boundaries (shorten.py); present-tense and counted results are findings; a count of studies is not
# 9: templates prompts/composer.v4.yaml (v3 frozen as composer 8 left it); round 9 changes below
# 9 (headline, h9main): the simple explanation's answer is the headline: within an unlabelled
# conclusion the first of equal claims wins; the overall answer ("Overall, there is insufficient
# evidence", "nearly all interventions") beats one comparison ("X versus Y: ..."); "the only trial"
# of a one-study review, "We propose that ...", "has not confirmed", present-tense claims ("Adding X
# decreases the risk") and "are required for" count as claims; a caveat ("needs confirmation",
# "remains to be seen"), the earlier review's result, a self-description ("This work provides an
# unprecedented view") or a generalisation ("may be a universal feature") is no answer; the certainty
# sentence says the range ("from low to moderate") when the answer states several levels, or none
# and the abstract several
# 9 (vocabulary, h9lex): reviewed abbreviations an abstract uses undefined written out where it names
# their sense (data/glossary/abbreviations.yaml: TXA, RCT, ...), "non-BC individuals" -> "individuals
# without ...", a gene short form no longer stops the others (a sentence they make too long for its
# field keeps them as written); "X monotherapy" -> "X alone", "add-on"
# 9 (fields, h9fields): a review's size is said once, by the research summary, unless the simple
# explanation would fall below simple_min_words (then the summary says "This was a review."); a method with cut-offs, where to get the software
# and a comma-set correlation ("Pearson's r = 0.12") are no key finding's words; a finding never opens
# with a subject that points back ("Both were ...", "This was ..."); "This suggests that X" is said
# "The results suggest that X"
# 9 (se, h9se): the shortener splits a shared modal ("may result in A and reduce B" -> "It may
# reduce B"), a comma splice, one frame over two "that" claims, two objects of one verb; "They is"
# -> "It is" (the pronoun agrees), no "It immortalized", no "But only when", "These were"
# 9 (lead, after the merges): the species is the one the study used (not one it compares with); a
# review's size is no screening count nor its earlier version's, and quasi-RCTs count; "no new
# studies" in an update is no empty review; an animal or lab page says once that it is not about
# people (the topic names the animal, the caveat says what it means: no setting sentence between); a
# further result that finds the answer's change the same way in the same things is not said again;
# no split of "A in the former group was X and in the latter group was Y" ("It in the latter ...")
# 10: templates prompts/composer.v5.yaml (v4 frozen as composer 9 left it); round 10 changes below
# 10 (se, h10se): "25 people with bronchogenic cancer" (not "25 bronchogenic cancer people"); a
#   title that is a sentence ("YcgC represents ...", "Golgi cisternae remain ...") is asked "whether"
#   and never cut right after its verb ("whether volatiles function");
#   a topic over topic_split_words says a named tool's description, its method or its place,
#   organism or people in a second sentence ("This study looked at DAIRYdb. It is a ...")
# 10 (lead, BMC read): no compression cut strands a subjectless verb ("was obtained ends."); a modal
# takes the base form ("may provides"); interviews, surveys and case reports are never reviews; no
# "former/latter" sentence out of its context; molluscs, geese, ants are animals; the background
# check's own pattern (two constants shared the name _POINTS_BACK)
# 10 (headline, h10main): a headline said as what is uncertain ("We are uncertain whether X", "the effects of X remain unknown", "failed to show", "has no benefit") is a claim; a trailing side clause (a data gap, advice, an outlook) neither makes the headline a detail nor is said (plan.claim_head); a long headline is said without its "Mindful of ..." lead-in or ", although ..." concession; a caveat ("can only be inferred", "the information on X is unknown"), a secondary or left-over outcome, "In a preliminary study" of a review, or a sentence that states nothing is not the answer; the certainty range reads "The evidence was of low to high certainty, depending on the outcome."
# 10 (fields, h10fields): a primary research summary says the facts, what was measured, then up to
#   summary_results results in the abstract's order (the second only at or below summary_grade); no
#   summary sentence that leans on the one before, is advice, or says what another field says.
# 10 (vocabulary, h10lex): a one-word long form defines a short form of capitals ("naltrexone (NTX)"),
# 16 more reviewed short forms (UTI, AMD, GTN, ...), rare medical words swapped (birthweight, erythema,
# oxygenation, ...) and a kept term explained once at its first use ("placebo (a dummy treatment)")
# 10 (h10speed): no draft change; faster regex checks (pipeline.text.patterns.any_of), tidy per text
# 10 (lead, after the blind read): the last of a list of trial sizes ("47, 80, 49 and 141
# participants respectively") is no review total; "regardless of" is not cut when the parse puts
# the comparison ("with deferred initiation") inside it
# 11: templates prompts/composer.v6.yaml (v5 frozen as composer 10 left it); round 11 changes below
# 11 (fields, h11fields): a key finding names what it is about and opens on no pointer ("In this
#   subgroup", "Of these 117 genes", "This corresponds"; "This screen" -> "The screen"); a primary
#   research summary says more than its design (a sentence may open "After one week, ..."; the
#   authors' own method in a background section), never background; "Secondly, X" -> "X"
# 11 (headline, h11main): what a treatment "can" do or "leads to" is a claim; in a review's unlabelled abstract a result that carries its GRADE level or says which option is best scores below the conclusion's claim; "irrespective of whether X was given" is no method; "information for further studies" is an outlook; no hedge caveat after an answer that calls its evidence convincing, no certainty level of another outcome after a headline or an answer that finds the evidence lacking (that one gets "An effect may still exist ...")
# 11 (speed, h11speed): no draft change; a plan's claim scores, detail tests and rankings worked out
# once, plain words once per text of a draft, compression rules skipped on a text without their words
# 11 (se, h11se): the simple explanation in fewer words where a rule is sure (shorten.plainer: "The researchers show that X" -> "X", "was found to improve" -> "improved", "significantly" beside a stated direction without a negation, "resulted in a reduction in X" -> "reduced X"); ", and <a clause with its own subject>" is two sentences; a negated title claim ("Soap is not enough: ...") gives its subtitle as the topic; no topic cut to "towards growth"
# 11 (lead, BMC read): a comma relative clause after a gerund's object is not split off with the
#   noun as its subject ("reducing X strength, which hinders Y" is not "This X strength hinders Y");
#   lab nouns with a people ending (transformants, plants, promoters) are no participants (enrich)
# 11 (vocabulary, h11lex): an adjective whose wording is a phrase is not swapped before its noun ("intraoperative and postoperative complications"); "intervention(s)" is not swapped after a noun naming a programme ("handwashing interventions"); a kept term keeps its words; preterm -> premature, loci -> DNA regions, QTL and allocation concealment explained; the reviewed long forms that still fit are written out before the fallback to short forms
# 12: templates prompts/composer.v7.yaml (v6 frozen as composer 11 left it); round 12 changes below
# 12 (vocabulary, h12lex): no swap writes a noun wording its sentence already says ("Adverse events which may or may not have been side effects" keeps "Adverse events"); 19 more reviewed short forms written out where the abstract names their sense (ART, cART, BtA, ENL, SCLC, SCS, IOP -> eye pressure, ...); "erythema nodosum leprosum" kept whole and explained; enable -> allow before its object
# 12 (headline, h12main): a concession that states a result is said with the clause after it, and a
#   longer headline keeps the half its first sentence needs ("However, ...", "but", "; "); a "but" naming
#   the answer's harms stays with it; the best-scored claim may take main_claim_max_words (then
#   shortened) before a caveat or side result; "trials at low risk of bias" is no gap, "We know from
#   adult trials" no answer, "As we could ..., " a lead-in; "preclude a definitive conclusion" and two
#   glued sentences are never the answer; only a review's best claim that outscores the next takes the longer limit (primary
#   research's is often an outlook), and it never lets in what later research may show, ongoing
#   trials, "The same was true", "as outlined above" or one trial named after its place
# 12 (lead, h12main's read): two included counts of different kinds are parts, not the review's size
# 12 (fields, h12fields): no sentence ends on an opening bracket ("Song et al. (" + "2019) showed");
#   a narrative review ("Here, we review ...", "In this review, we focus on ...") is its own kind of
#   work: no participants, a summary that says it reviews earlier research and what it covers, its
#   scope never a key finding
# 12 (se, h12se): a simple-explanation sentence is split at a trailing participle of a reviewed list ("..., leading to B" -> "This leads to B.", tense kept; never after a hedge, modal or negation unless the participle hedges itself) and at ", so <clause>"; a lone "So,"/"Ultimately,"/"More importantly," lead is a claim-free cut; an animal topic says "in mice" once ("This study looked at ... in ADAM11-deficient mice")
# 12 (lead, blind read seed 97): "very low-certainty" states no "low" (no "very low to low" range); a review
#   is no single-centre or retrospective study because some of its studies were; no sentence about
#   "the remaining/other N studies" is said without the one it is set against
# 13: templates prompts/composer.v8.yaml (v7 frozen as composer 12 left it); round 13 changes below
# 13 (vocabulary, h13lex): the abstract's sure slips mended in the lay fields (pipeline.text.typos: "predicteddual" -> "predicted dual", "and and", "is no enough"); 13 more reviewed short forms written out where the abstract names their sense (OCD, LMIC, TIVA, MCI, ACE, ...; POCD in plain words), MTX and CABG cues widened; a number is open to the swap rules' contexts ("identified 374 genes" -> "found 374 genes")
# 13 (fields, h13fields): a primary-research key finding loses a method frame or lead-in ("Immunohistochemical
#   studies showed that", "Behaviorally,", "In benchmark analysis,"); "This was a review." is said with the
#   summary's next sentence ("In this review, ..."); "Here, we explore how ..." is a method in an unlabelled abstract
# 13 (main answer, h13main): subgroup/sensitivity/applicability/dropout results and another review's finding
#   are no answer, the first of two parallel conclusion claims wins, the best claim may take 60 words;
#   the caveat and the implications agree with the answer's own certainty (not one graded result's)
# 13 (se, h13se): a caveat that points back ("This may be so, but it is not yet proven.") follows a claim: after
#   a method, an outlook or the topic it moves to just after the last claim, else says what it is about
#   ("The study's claims may be true, but they are not yet proven.", certainty.hedged_named; "The review's
#   claims" after "This review"); a present-tense passive ("is generated through") is a claim
# 13 (lead, h13main's read): "Four randomised controlled trials were found comparing ..." is the review's size
#   ("were found/located/selected", not "were found to"); a bracketed "(... in subgroups)" aside makes no side result
# 13 (lead, blind read seed 109): the studies kept after a search's count ("identified 15 studies; four studies ...
#   were included"), no review total from the end of a range of sizes, one arm's count or a control group; "with high certainty" states high certainty; a result is never said without the later piece of its
#   sentence that negates or hedges it ("... showed an improvement." without "This improvement was not significant"); a glued "Implications for practice" heading is not said;
#   "between groups: WMD 4.5% (...)" loses its ": WMD 4.5%" (no "groups:%]")
# 14: templates prompts/composer.v9.yaml (v8 frozen as composer 13 left it); round 14 changes below
# 14 (counts, h14counts): one reading of whole count vs part (pipeline.text.counts) for the review size and the participants fact; a review's people said in the sentence after its size; a review that states no total has no participants count
# 14 (main answer, h14main): a diagnostic review's answer is its first sentence giving the test's sensitivity and specificity, said with the abstract's values, the terms kept and told in plain words after it, no hedge caveat; "does not support"/"is not supported" and "is an acceptable alternative" are claims, as are present-tense "reduces hospital admissions"; "limits the power", "No evidence was available for X" are gaps, "leaving the study early" a side outcome; "Although 22 trials could be included, X" is no review size; "An effect may still exist ..." never after an answer or further result that states an effect shown
# 14 (fields, h14fields): a genus said short ("Ae. tauschii") ends no abstract sentence; a mean in brackets after "from"/"to" keeps its number; a "versus" heading glued to its sentence is dropped; "So the ..." and "In light of this," open no sentence
# 14 (se, h14se): the templates' own sentences in fewer syllables ("asked if", "in all", "There may still be
#   an effect"); a topic the tagger reads without a finite verb after "asked if" says "whether" (topic.asked_fallback),
#   and a long "asked if" question is shortened as its "whether" wording (shorten.py _ASKED_IF)
# 14 (vocabulary, h14lex): a name a page's short form stands for takes no swap inside it ("genome-wide
# association studies", "odds ratio"); fixed names mined from the abstracts' definitions are kept whole
# 14 (lead, blind read seed 137): an update's new studies said with the total they bring the review to; "N studies (M patients) compared ..." opening a review is its size; "did not identify any new studies" is no empty review; a claim after two lead-ins ("Based on ..., due to ..., X") is no gap; "the absence of evidence ... does not necessarily indicate" is no answer; a review is no observational study; a diagnostic answer keeps its caveat when the conclusion doubts the figures; ", with an RR of 0.64" is a statistic
# 15: templates prompts/composer.v10.yaml (v9 frozen as composer 14 left it); round 15 changes below
# 15 (speed, h15speed): a plan searches its sentences for statistics once (last_statistics, quantitative), not once per ask
# 15 (main answer, h15main): a review's first pair of the treatment's and the control's rates on an outcome that is no harm ("60% with X and 17% with placebo") is a claim, said with its numbers (", giving an NNT of 2.3" taken out); a sentence about harms is below the answer on efficacy; one active treatment against another is below the comparison against placebo/sham/no treatment/usual care; the authors' first sayable conclusion may take the longer limit when tied or near the best; "do not provide evidence that" is a null answer; "data from the same study" is one study; "Due to lack of evidence it is ..." is said without its cause
# 15 (se, h15se): a title's method with its modifiers ("Comparative transcription analysis of X", "Genomic reconstruction of X") is not said after "looked at" when the topic gets shorter and the title claims nothing; "The method described in this study"/"developed herein" -> "The method"; a plural subject's second present verb the tagger reads as bare ("account for A and play B") is its own sentence ("They play B"), never after ", and"
# 15 (fields, h15fields): a review's research summary says what its studies compared (summary.review_compared, from the opening's "trials comparing X with Y"), where and in whom, up to summary_review_sentences, never an appraisal (blinding, bias, funding) nor a bare ratio, and is never empty; no "Several Studies Agree or Differ" implication; a conclusion's practice sentence ("should not be used", "does not support the use of") is an implication, titled "What It Means for Care"
# 15 (facts, h15cat): no composer change; the design it reads is a review, not a trial, for "N studies met all/our inclusion criteria" and "N trials were identified", and no meta-analysis when the review "could not carry out a meta-analysis" (pipeline/enrich/design.py, EXTRACTOR_VERSION 5)
# 15 (flags, h15flags): no draft change; scoring only (number_faithfulness 11, study_claims 7, hedge_kept 9): who counts what ("eight only included participants" counts studies), sums of counts from one sentence, imagined groups, hedge words that qualify no claim
# 15 (flags, h15support): no drafting change, drafts unchanged; negation_flip 11 and sentence_support 10 read the "animal"/"lab" caveat ("Results in mice may not be the same in people.") as the design restated (enrich.wording.fact_statement)
# 15 (vocabulary, h15lex): definitions in square brackets and coordinated ones ("progression-free and overall survival (PFS and OS)") written out; a trial named by a short form never written out said without it ("The WOMAN trial" -> "One trial"); "prospective" never "forward-looking", "cohort study" kept, "sensitivity and specificity" is "accuracy" only for a test's figure-free estimate, a measured or reported outcome is no "result"
# 15 (lead, blind read seed 157): "Of the two relevant studies ..., only one RCT met the inclusion criteria" is a review of one; people in a bracket with their own count of studies ("(2409 participants, 64 studies)") are a part; a review's research summary never names a subset's people as the review's; "we extracted data from 54 studies" is a review's size; a doubt about the best option ("The antibiotic of choice is not clear") hedges no claim; an empty review says it found no studies ("unable to locate any studies"); a list that pairs up with "respectively" is never split; no past tense of a noun swap ("tirednessed"), "recruited" follicles and "endpoint results" keep their words
# 16: templates prompts/composer.v11.yaml (v10 frozen as composer 15 left it); round 16 changes below
# 16 (lead, read of seed 167 at composer 15's last code): "in addition to X" is "as well as X" (never "also to X", then "to X"), "In addition to X," leads with no connective to drop; "appears more effective and has a better outcome than Y" is never split from its "than"; a review's study duration is no publication years nor one trial's follow-up (pipeline/enrich/period.py, EXTRACTOR_VERSION 6); bmc read seed 347: the last item of a list ("BAT1, ALD6, and PHO13, to ...") is no clause, "we show the feasibility of" is no pilot study, trials a structured primary study looked at make it no review, ", however, <clause>" splits there ("was, however, well tolerated" loses both commas), "Only one patient was proposed" is no participants count; a long form never starts with "of", "from", "and" ... ("of miRNAs in VSMCs from old rats (oVSMCs)")
# 16 (flags, h16support): no drafting change, drafts unchanged; negation_flip 12 reads a word of the abstract sentence swapped for its opposite ("harm" for "effectiveness", "enough" for "insufficient") and "or no treatment" as a control group
# 16 (flags, h16flags): no draft change; scoring only (number_faithfulness 12, study_claims 8, hedge_kept 10): "with 10,171 people in all." is the whole, not a part; a whole count changed to a value the abstract gives for something else, "we included 60 trials (3620 participants)" and "trials (... study design) involving 691" are whole counts, "more likely" compares chances (no hedge)
# 16 (key findings, h16kf): a primary-research finding says its result first: "By screening X, we find that Y", "We screened for X and found that Y", "Experiments with X reveal that Y" -> "Y" (an observing verb or a tool only, never in whom, nor a frame whose verb goes on after the claim); a ratio after a comma (", RR of 0.72", rewrite.strip_statistics) is cut
# 16 (fields, h16fields): primary research's summary says what was done in up to two sentences of its
#   methods (summary_methods, the second at or below summary_method_grade); a practice sentence led by a
#   contrast or a cause is said without the lead-in ("anti-histamines cannot be recommended ...") and
#   "should remain a treatment", "are helpful for guiding" are practice sentences, not "As Strong as Its Studies"
#   ; a review's research summary is never a call for research or advice ("... trials are needed")
#   ; a review's people are never one of two groups joined by "and" ("1470 adults and 470 children"):
#   no total is said when the abstract states none (plan._groups_only)
#   ; a second summary sentence never restates a number the summary said ("There are 194 hemodialysis patients.")
#   ; an implication is never a list cut from its head ("Placebo control, and ..., it is clear that ...")
# 16 (answer, h16main): a review's "insufficient evidence to recommend / support or refute / for or against" verdict scores as the overall answer and is said without its "Given that ..., with only ..." basis; "We found some very low-quality evidence ..., suggesting that X may ..." says X (the certainty step says the level); undisclosed or industry funding is a gap; "a lack of high quality evidence" states no high certainty
# 16 (vocabulary, h16lex): 116 common medical short forms with a source (MeSH, NCIt) written out where the abstract never defines them and its words name their sense (STI, SBP, UC, T2DM, CNS, ...; ACS, CVI, PUFA, VLDL), each recorded in the provenance (origin "abbreviations"); a plural long form is singular after "a", "each", "this" ("an AEC somatic mutation field"); "morbidity" is "illness" without an article where no procedure or kind of harm is named; "assessment" is no "check"; the provenance lists a swap only where its own sentence reached a field
# 16 (speed, h16speed): no draft change; the rules read a stored parse whose Tokens are made once (simplify._Tokens), identifiers kept per text, a quadratic look-ahead search anchored; scoring keeps sentence spans and negation cues per text
# 16 (lead, blind read seed 179 of the merged code): a claim "Based on this same study," keeps its basis ("Based on one study, X"), never as the review's; "similar to those in this review" keeps who "those" are; a difference's unit goes with its statistic (", WMD -1.22 units (95% CI ...)"); "Penfluridol, however, may ..." loses the connective; a conclusion in the present tense ("X promote smoking cessation") is a claim; an answer weighed against its harms ("but this must be weighed against less tolerability and limited data") is no advice and no gap; "Limited data indicate X" states X; "less tolerability" keeps its word
# 17: templates prompts/composer.v12.yaml (v11 frozen as composer 16 left it); round 17 changes below
# 17 (lead, read of seed 199 at composer 16's last code): a dotted route short form ("(i.m.)") ends no sentence; an empty review's answer is its authors' recommendation; "Indeed, they ..." leans; "Research on X may identify ..." is an outlook; a sentence whose subject is odds ratios is no answer nor finding, ", odds ratio 0.29" is cut; GRADE's "confidence in the effect estimate" and a result "caused by a random error" are no answer; a ", therefore," set off by commas cuts no claim; counted trials ("3 RCT") make a review (enrich); "enhanced risk" is "higher risk", no "child care" for paediatric care, no swap after an eponym ("Bankart lesions"), "therapeutic (control) group" kept
# 17 (flags, h17flags): no draft change; number_faithfulness 13 and study_claims 9 read a count pair ("N studies with M people") and a number's neighbour, the flag bench injects fluent qualifier drops
# 17 (vocabulary, h17lex): a short form defined after itself ("SNPs (Single Nucleotide Polymorphisms)") is written out; a bare short form used as a plural subject is said in the plural ("symptom-based WAP are" -> "written action plans are"); WAP, PACU, EACA, DTA, SNP, NGS, NK reviewed with sources; "regarding" and a named regression keep their words where "about" or "statistical analysis" misled
# 17 (fields, h17fields): a review's people said as a bracket label after its counted studies ("(n=189)", "(total N=221)") are its participants; "three short-term and one long-term trial" is a review of four; a count of RCTs ("1 RCT", "3 RCTs") and a measure's validation (psychometric properties, factor structure, test-retest) vote in pipeline/enrich/design.py (EXTRACTOR_VERSION 7): a validation study is never an interview study
# 17 (speed, h17speed): no draft changes; swap contexts by bisection with each wording's pattern compiled once,
#   statistics brackets found by search (not a character loop), an abstract's glued words kept per abstract
# 17 (answer, h17main): a review's "no definitive conclusions can be made about X" / "unable to draw any conclusions about X" / "insufficient to conclude that X is superior to Y" is an answer (not one part's: "For Wilms' tumour, ...") said short from verdict templates ("The review could not reach firm conclusions about X.", "... could not show that X works better than Y."); "must be considered against", "needs to be considered", "trials should be performed", a dummy "It would be beneficial for ..." are implications, not "As Strong as Its Studies"; a review whose answer is that its studies cannot settle the question says so for care ("An Open Question") and keeps the review's size in the simple explanation; "Future studies in ... may also be useful" is a research call
# 17 (kf, h17kf): a key finding states a result (plan.no_result_kind: not what the studies were like, did or reported, what the researchers did, a count without its noun); fewer findings rather than a non-result
# 17 (lead, reading the merged drafts): "(n = 2)" labels of a list's parts are no people, the first label right after the counted studies is their total; "We downgraded the evidence ..." is about quality, no further result
# 18: templates prompts/composer.v13.yaml (v12 frozen as composer 17 left it); round 18 changes below
# 18 (support, h18support): no draft change; scoring only (hedge_kept 11): a high certainty the abstract never gives ("certainty raised"), a hedge swapped in the abstract's own words around it, a hedged trailing phrase or a better-covering plain clause is no hedged claim restated, fixed wording of a fact is none
# 18 (lead, read of seed 223 at composer 17's last code): ", and the low event rate, the power ..." ends a "given" phrase, no clause of its own; "It has been demonstrated that X is effective" leans on nothing; "No definitive statement can be made", "evidence ... insufficient to support any recommendations", "inconclusive to recommend" are verdicts; "Neither does ..." leans; a bare "There were no significant differences" is no further result; "awaiting natural resolution" is care, not studies awaiting classification; "it is reasonable to consider X" after its reasons is an implication; a finding drops "Still,"; a summary no bare count ("Three were ..."); "qualityy" mended; "likely to relapse", "maintained pharmacotherapy", "psychological morbidity", "otitis media with effusion" keep or get true words
# 18 (se, h18se): a topic "looked at X, a Y" says "It is a Y." apart for a name of up to six words without a preposition, lower-case or led by capitals ("IRESpy, an XGBoost model", "bread wheat, a role model"); "an R", "an XGBoost" (a lone capital or two leading capitals said letter by letter); a title with a plural or verb-only claim verb ("share", "use different", "ensures", "confines") is asked ("This study asked if ..."), never "looked at" a sentence; a participle used as an adjective ("Flowering time", "Emerging roles") is no "-ing" act ("This study flowered time")
# 18 (kf, h18kf): what a search turned up ("The researchers found five ongoing trials", "No more studies were found") states no result (plan.no_result_kind "search"), nor a call for research, a lack of data, the median age, a small evidence base that limits the power; a too-long result about three or more outcomes says the first (compress "outcome_list")
# 18 (answer, h18main): a review's verdict that no conclusion can be drawn about the effectiveness or effects of what it reviewed is its answer, above a side result (plan.question_verdict); a review that says it found one study is not empty, and one part's "no studies were identified" makes none (plan._empty_review, _ONE_FOUND); "Neither trial reported on X" is no finding (plan._NONE_REPORTED); a quality sentence is said as what was found only when nothing else can be, after a result conceded before a gap ("While heparin was associated with ..., there is a lack of ...", fields._result_before_gap)
# 18 (answer, h18main): a sentence glued to a statistics bracket with no full stop ("... high quality evidence) A combination of ... appears to reduce ...") is split off (sentences._unglued), so the review's answer can be said (CD005215)
# 18 (answer, h18main): a Cochrane run-in heading ("Primary outcomes Pembrolizumab ...", "Quality of evidence We ...", "Key results: primary outcomes Two ...") is no part of its sentence (sentences._RUN_IN_HEADING)
# 18 (speed, h18speed): no draft changes; a short form's plural-subject pattern (161 look-behinds) compiled once and searched only in a sentence holding "SF are/were/have" (its compiles were a fifth of the small run's draft stage)
# 18 (lex, h18lex): "was/were identified" -> "found" (passive only); the glossary says "significant" "clear" only before a result noun (keep_words still keeps it in reused sentences); HBV written out
# 18 (fields, h18fields): a review's research summary says what its studies measured (plan.py review_outcomes); counts with a space between thousands read whole
# 19: templates prompts/composer.v14.yaml (v13 frozen as composer 18 left it); round 19 changes below
# 19 (flags, h19flags): no draft changes; sentence_support 12 takes the words of v14's certainty, caveat and practical-implication templates as the composer's own (score.faithfulness._DRAFTERS_HOW_SURE): a new word in those templates belongs in that list too
# 19 (lead, read of seed 229 at composer 18's last code): a statistic's bare value ("Mortality risk ratio was 0.54 in ...") is no key finding (plan.no_result_kind "statistic"); a review's own doubt about its hedged benefit is said when nothing said so far carries it (fields.conclusion_doubt: "However, ..., no definite conclusion could be reached", "; however, results are limited by the poor methodological quality ..."); a lead-in that holds the claim's own clause ("Based on limited data there was some, albeit unreliable, evidence that ...") is none; "... may prevent X but this evidence is low quality and ..." is said without its tail; "the remaining ... adverse events", "other potential benefits or harms", earlier reviews' conclusions and "highlights the need for RCTs" are no answer; "data do not provide strong evidence that X affects ..." is one; a pooled analysis that found something scores as an answer and "found in favour of" is a finite verb; "outcome measures" are "measures", "important/related/clinical outcomes" keep their word
# 19 (answer, h19main): a review's authors' first conclusion said as a plain result with no cue word ("The macrolides as a group clearly increased rates of ...", "All shunts resulted in a significantly lower rebleeding rate ...") scores as a claim (plan._PLAIN_RESULT), and the one sentence between the last statistics and the conclusion run that says so is a conclusion (plan.lead_conclusions)
# 19 (answer, h19main): no draft rule; enrich.design reads "Many of the trials ..." as a review's text (CD003094 said "125 women took part." from one trial's bracket)
# 19 (kf, h19kf): more non-results have a kind in plan.no_result_kind, so they are key findings only when no result is left: what the studies were or did ("All people were older than 15 years of age.", "More than half of the trials used ..."), how good they were ("Surgeons were not blinded ...", "One large trial dominated the results."), what they reported ("... did not explicitly report side effects."), what is needed ("... is needed."), "background" ("The vaccine is no longer available."), how a tool works; a piece that is no sentence ("Which have not been studied ...", "... formation and.") is never a finding (fields._CLIPPED)
# 19 (se, h19se): a difference not statistically significant is said "X did not clearly differ between A and B"
#   or "no clear difference" (shorten.plainer); "to recommend the use of X" is "to recommend X"
# 19 (lex, h19lex): a short form a field kept because its sentence was too long with the long form is written out at its first use in each lay field after the field chose its sentences, with the short form in brackets where the field uses it again (rw.spell_out_first_uses)
# 19 (counts, h19counts): a review's size is the studies it kept ("Six ... were identified, five of which met", "identified 11 studies, but we only included one", never "14 studies for consideration" or a result's "(n=253, 2 RCTs, RR ...)"), and "2782 patients or episodes" is no count of people (plan._study_count, text.counts)
# 19 (speed, h19speed): no draft changes; the shared spaCy pipeline's layers multiply with numpy's BLAS, not blis's generic kernel (enrich.nlp.numpy_gemm: the same analyses, the tok2vec's products ~4x faster)
# 19 (fields, h19fields): a review's measured outcome is never a bare "failure"/"progression"/"coverage" (said with what it is of, "the rate of attendance at healthcare appointments", or left out); "the authors measured X" names one; an outcome before a bracket ("body mass index (BMI) between") is read, one already said leaves the others; a letter typed twice inside a word is mended ("mortaliity")
# 19 (lead, reading the merged eval half): a result between the last statistics and a conclusion run that opens with a cued claim is no lead conclusion (CD004754); an outcome the abstract says was not measured is not named as measured (plan.review_outcomes); a pooled risk difference alone is a bare statistic
# 20: templates prompts/composer.v15.yaml (v14 frozen as composer 19 left it); round 20 changes below
# 20 (speed, h20speed): no draft changes; plan.no_result_kind, appraises_the_work, only_about_quality and compress.states_result memoised per text; swaps.with_context finds a wording with str.find, no pattern compiled per wording
# 20 (flags, h20flags): no draft changes; negation_flip 15 reads "unknown" and "not known" as negations, as "unclear" and "uncertain" already were
# 20 (lex, h20lex): a short form the abstract uses without a bracket definition is written out at its first use in each lay field where the abstract's own words (or the title's) spell it, one word a letter, three to five letters, no function word, the phrase ending its noun (rw.spelled_abbreviations); the reviewed list wins
# 20 (rs, h20rs): the research summary names a design in plainer words of the same meaning ("lab study", "genetic or computer study": prompts summary_designs, setting_lab) and says a named tool apart from what it is ("The researchers present DendroSplit. It is an interpretable framework ...", Writer._named_apart)
# 20 (kf, h20kf): a key finding says an effect noun as its direction ("a reduction in the risk of X" -> "a lower risk of X", "a reduction in the rate of new cases of X" -> "fewer new cases of X"; shorten.plainer finding=True, never under a negation); "There was no (clear) evidence of a difference in X between A and B" -> "X did not clearly differ between A and B" (shared plainer, also the simple explanation); "There was an increase in X ... and a reduction in Y" is no longer "X rose ... and a reduction in Y" (CD012964)
# 20 (bmc SE, h20bmcse): the shortener skips the compress rules the simple explanation does without (purpose, outcome list) instead of throwing away the whole compression they took part in; "The researchers conclude that X" is a report frame in a long simple-explanation sentence, said as X
# 20 (bmc read, h20bmcread): basic research in no people that no word list places (plants, enzymes, DNA: plan.basic) gets "Basic Research" (or "A Tool for Researchers" when its title names a method), never "One Study So Far" or advice for care; a lab tool or exposure ("antibiotic resistance gene", "target genes", "treatment with X") and "good targets for additional studies" point to no treatment (fields._TREATMENT); how a model was made ("was created to serve as a model") is no implication; "More research is needed" is a limitation only where the abstract states the need (plan.more_research); a title's apposition is closed in an implication; a title's action ("comparing ...") is no implication topic
# 20 (lead, read of seed 241 at composer 19): a full stop with no space after it ends a sentence ("... evidence).Regarding adverse events ..."); a verb after a preposition's object and before an adjunct whose two forms differ keeps its word ("varenicline administered one week ...", never "gave"; "Data from one study showed no difference", never "shown"); a participle before a short form is no phrase ("the examined TCHP"); "endpoints at which" are times; "smoking cessation" is "quitting smoking", never "smoking stopping"; a further result that opens on "In this subgroup" is not said; "This review provides ... evidence that ..." opens the conclusions and scores as the authors' verdict; data that "failed to show strong evidence of" an effect are the answer, not a gap
# 20 (answer, h20cochse): a review's answer said shorter: "We found some low-quality evidence suggesting the superiority of X over Y ..., and other ..." says "X may be better than Y" (fields._EVIDENCE_BETTER); "There is low quality evidence that X may ..." says "X may ..." when the claim has its own hedge (the certainty step says the level; fields._LEVEL_EVIDENCE_THAT); "In this Cochrane review the researchers found that X" says X (shorten._REPORT_FRAME); "support the use of X ... to reduce" keeps "the use of" (shorten._use_of); a participle after a masked name ("MDI or PDI performed at") is no past tense ("did", text.swaps._TOKEN_BEFORE)
# 21: templates prompts/composer.v16.yaml (v15 frozen as composer 20 left it); round 21 changes below
# 21 (speed, h21speed): no draft change; numpy's OpenBLAS multiplies on one thread once the shared spaCy pipeline uses it (enrich.nlp.one_blas_thread: its second thread busy-waited on the small run's second core)
# 21 (se, h21se): the one term the simple explanation keeps is explained in a sentence of its own from its glossary definition ("Quantitative trait loci are DNA regions that affect a trait.", "A placebo is a dummy treatment."; templates explain.is/are/means), after the sentence that first uses it as a noun and after any sentence that points back to that one, definitions of up to 8 words (text.swaps.explain_first_use sentence=, fields.explanation); none where the page says the definition already or no template reads right (a clause, a plural head for a singular term): the bracket as before; the glossary reads its two definitions with a comma whole ("osteoporosis (weak)")
# 21 (kf, h21kf): a key finding whose comparative is already said takes "than" for "compared with/to" ("needed suture removal compared with those in" -> "... than those in", "lower in the CMHT group compared with usual care" -> "lower in the CMHT group than in usual care"; shorten._than, finding=True only; never a superlative, a second clause, a sentence that already says "than", nor a participle's or a time's preposition for the other arm); "The researchers show that X" -> "X" where the tagger misreads X's verb but reads the framed sentence (shorten._claim_clause, findings only)
# 21 (main, h21main): a review's present-tense claim read as background after the last statistics opens its conclusions ("Tissue adhesives are an acceptable alternative ...", CD003326); "Taken together with" other evidence is no conclusion marker, and in a review no answer nor finding (CD012964; primary research keeps its "Taken together with results published by others, we conclude", bmc 1471-2180-11-174); a review's "these benefits" leans on the sentence before, never "The benefits" (CD006525); the restatement check takes longer survival for fewer deaths (fields._complements: "improves overall survival" then "reduces the risk of death", CD012838)
# 21 (lead, read of seed 251 at composer 20): a key finding states a result: how the studies differed, results not pooled, drop-out without a comparison, a bias's level, funding, doubts about the records, an update's unchanged conclusions, a bare number needed to treat, "The sixth was ...", "One reported only/that ..." are none (plan.no_result_kind); "additional" after an article is "extra"; a summary sentence opening on "Otherwise" leans on the one before; a review's plain verdict in the present tense ("Aspirin is an effective analgesic for ...", plan._VERDICT_IS) is a claim, and after the results' statistics, where the role reader took it for background, it opens the conclusion run
# 21 (h21bmc, h21bmc): work a genetic or computer study also measured in the lab or field (qPCR, reporter genes, plants grown or exposed: plan.measured) gets no "Needs confirmation in lab or clinic", no "Needs Testing in Practice" (Basic Research instead) and no "The work was done by computer."; a narrative review gets "A Look at Earlier Work", never "One Study So Far"; "Small sample size" not from the background nor from "even when the sample size is small"; "(n = 18) staff" is a participants count and records indexed over a period give no study period (EXTRACTOR_VERSION 11); a long form whose words' initials spell the short form wins (PPMI) and a capitalised name keeps its capital (PANSS); "more additional" is no "more more"; claim titles with switches/impedes/implicates/phosphorylates/influence, never a "How ..." clause
# 22: templates prompts/composer.v17.yaml (v16 frozen as composer 21 left it); round 22 changes below
# 22 (se, h22se): the simple explanation's shortener says an effect noun as its direction ("an increase in the rate of new cases of X" -> "more new cases of X", as the key findings do: shorten._SIMPLE_RULES); the certainty range reads "The evidence ranged from low to high certainty." (4 words and 7 syllables fewer)
# 22 (h22rs, h22rs): research summary: "The researchers used X to V Y" said as "The researchers used X. The aim was to V Y." ("They V Y." in the present, "They show that ..." for "to show that"); "The researchers V X by V-ing Y" said as "... X. They did this by V-ing Y."; no split whose piece another field says; two verbs of "The researchers" said apart ("They show that ...", also where the shortener put "They" in); a review's comparison found after its count ("trials (n) comparing X to Y were included", "participants randomly allocated to X or Y", "N studies compared X versus Y"), never people or a third arm
# 22 (lead, read of seed 263 at composer 21): "the quality of the (body of) evidence was X" states X (not "high or unclear risk of bias"); a GRADE range that opens on "very low" states it ("very low to moderate quality") and "insufficient/limited/more high-quality evidence" states no "high" (the certainty sentence said "strong (high certainty)" and "fairly strong"); a concession split from a main clause that leans on it ("However, these tests ...") is no key finding or summary sentence alone (fields._concession_cut); ", and" before a list's last item is no side statement (plan.claim_head); "the results of this review" is "the results"; what future studies should consider is an outlook, never the answer (plan._STUDIES_SHOULD); a review's plain result between two conclusion sentences after the statistics is one of them; what a result is due to and whom the evidence pertains to score below the result; "comparable/superior to" is a comparison; study sizes, "most studies required", small-study bias, the evidence's grade, "most of the data were for" state no result; a repeated outcome heading and an aside's comma before the verb are dropped
# 22 (flags, h22flags): no draft changes; sentence_support 13 (round 21 h21flags, cherry-picked) warns "not in the abstract" on a weakly matched sentence whose count of what the review included, or whose effect estimate, none of the abstract's figures give, unless the sentence is about this review (its studies add up to the abstract's count, it counts them as the abstract does, or it names the review's subject); negation_flip 16 ("no further X" denies more than was said); population_match 2 (a group named as one the review has no studies or data of is no swap); hedge_kept 13 (a sentence of report words only, "This was a review.", restates no hedged claim)
# 22 (coch, h22coch): a review that found no studies states no certainty, nor does "the high-quality evidence required" (CD008891); "X may be A and linked to B" splits as "They may be linked to B"; "Four reports met the inclusion criteria" counts a review's studies and two bracketed parts are no review's people (CD002760: not "194 people"); a glossary sentence never ends the simple explanation (the bracket, else the sentence before its use: CD006618, CD006739); the answer said again in other words (never a null or "Neither ...") is a key finding only while fewer than two other results are said or a filler would take its place, and then last (CD012838, CD012964); whom the evidence applies to and what could not be measured are no results (CD010826); a review's short result sentence after the statistics that sums up an earlier result opens the conclusions (CD004302); an answer the next conclusion takes back in part ("However, ...") is said with it (CD003416); "A versus B (SET)" defines no abbreviation; GRADE downgrades and "a higher risk of bias than the two more recent studies" are about the evidence only; a review the design fact read as one RCT gets a review's evidence level (CD006739)
# 22 (kf, h22kf): a key finding of two clauses joined without a comma is said as two sentences of the same finding ("X did not differ although fewer deaths happened in A" -> "X did not differ. But fewer deaths happened in A."; "A observed X and six out of eight studies observed Y" -> two sentences; "whereas" -> "In contrast, "; shorten.split_finding, findings only: the right half opens on its subject and has its own finite verb, never a list, a "between/both ... and" pair, a that-clause or a hedge frame over it); a statistic's bare value is never a finding, also with its unit, a second value or counts after a semicolon, or "Estimates for X were, risk difference -0.06" (plan._BARE_STATISTIC); a source sentence cut after an abbreviation (opens lower-case: "pneumoniae in the sputum ...") is no finding
# 22 (bmc, h22bmc): one of several bracketed counts of the same people, "N other participants", "Only N ... were recruited through" and "to recruit one participant" are parts, never the page's participants (bmc 1745-6215-16-1: 62 of 99); "this 5-year study" is the study duration ("The study ran for" / a protocol's "is planned to run for"); categories: bacterial genera and yeasts are Microbiology, dopamine/glutamatergic inputs Neuroscience, morphogenesis Cell & Molecular Biology, an organ in a long list and a condition inside a molecule's name no clinical field (EXTRACTOR_VERSION 12); "characterization" keeps its word (no "description"); a cross-sectional study that asked no one (no survey, questionnaire, interview) is "This study", not "This survey"
# 23: templates prompts/composer.v18.yaml (v17 frozen as composer 22 left it); round 23 changes below
# 23 (lead, read of seed 271 at composer 22): a GRADE range said from its high end ("ranged from moderate to very low quality", "moderate to low quality evidence") states both levels (CD002741 said "very low certainty" only)
# 23 (lead, read of seed 271): "the (methodological) quality of the studies was poor" is "Low-quality evidence"; a review the design fact could not name gets a review's caveat ("Only as strong as the included studies"), never "Limitations not stated in the abstract" (CD006406)
# 23 (lead, read of seed 271): evidence too thin to speak "for or against" (or "support or refute") what was reviewed, or that "any" of it works, is the review's verdict on its question, said as the answer (CD002802, CD008934), never one of its effects or a that-claim (CD005620, CD012410, CD012559 keep theirs); how clear the studies' blinding or randomisation was is about the evidence, no further result ("There was a lack of clarity about levels of blinding.")
# 23 (kf, h23kf): a key finding or research-summary sentence whose generic subject frames its claim with a hedge verb says the hedge on the claim ("The results suggest that X plays a role" -> "X may play a role", "are tuned" -> "may be tuned", a claim with "may" loses only the frame; the research summary's "The researchers propose that X" too; never a hypothesis, "would", a negation, a subject that points back, an adverb before the verb or a second finite verb: shorten.hedged_claim, bmc 1471-213X-4-16, eLife.06072), kept framed where the bare claim would repeat another field (Writer._hedged: eLife.05124, .03766); a review's "Pooled analysis showed that X" says X (CD011088, CD000456)
# 23 (bmc, h23bmc): a title's gerund of a goal is "looked at improving X", never "improved X" (bmc s13063-014-0535-7), and a gerund that is the subject of the title's claim is asked ("asked if prioritizing plant defence ... helps infestation", elife 04805, was "This study prioritized ..."); a claim trailing clause is cut only when it ends the sentence and examples between a subject and its verb go with both commas (s12864-019-6065-7 was "the researchers show how marine isolates."); "the first using X" keeps its method (1471-2156-6-32 was "The studies are the first."); a microbe in a disease's name ("Epstein-Barr Virus-associated") is no lab material (s40709-015-0037-0); a protocol's follow-up "will last" and its recruitment sentence is not said again after "The study plans to include N"; a second group after "and" is in the participants ("82 stroke patients and 68 controls", EXTRACTOR_VERSION 13); "missing data in <records>" is no limitation; "protein–protein/membrane/physical association" is no "link"; "X is required for Y" is a finding, no call for research (elife 09886 "More Research Needed"); reaction "kinetic" is no Biomechanics
# 23 (coch, h23coch): a genus said short ("Strep. pneumoniae") ends no sentence and its species is no plain word (CD006316.pub3); a review the design fact missed gets a review's level (CD006525.pub2, CD006100.pub2, CD002760), one of retrospective studies none "of trials" (CD007565.pub2, EXTRACTOR_VERSION 13, with "randomised controlled open label study" a trial); risk of bias "for" and what the studies' analyses left out are no key findings (CD010415.pub2, CD011927.pub2); a statistic with only its interval is bare (CD004591.pub3, CD002057.pub4); "(total 704)" counts the review's people (CD009294.pub2)
# 23 (words, h23words): a long form a page's short form stands for takes no swap inside it, its last word after an adjective too ("benign paroxysmal positional vertigo", not "... dizziness": CD003162; BPPV now in the reviewed short forms); "intervention(s)" keeps its word where the abstract tries education, training, a programme, a policy, services, screening or infrastructure (NOT_TREATMENT: no "treatment group" of an educational trial, CD005215; no "treatment site" for cycling infrastructure, CD010415); "required" after a study, trial, programme or criteria is no "needed" (CD007647); a model or theory the work builds, with no lab method named, is "The work was done by computer.", not "This was a lab study.", and the brain's grid and place cells are no lab cells (plan._THEORY: elife 05565, 05913, 08362; not beside lab work said by its verb, "By evolving synthetic E. coli promoters", 05856); the 30 most frequent swaps read on every set: "assess(ed)" keeps its word before a treatment, a technology or the evidence and before "as"/"to be" ("two trials measured cerclage", "the evidence was measured as low quality": CD009166, CD003067), "synaptic efficacy", "cost effectiveness" and "single or multiple" keep theirs, "chimpanzee participants" are no "people" (elife 00932)
# 23 (se, h23se): 34 glossary definitions of the terms simple explanations keep most often (steroids, antibiotics, hepatitis, genes, genome, sequencing, promoters, signaling, chromatin, ...), so the one kept term is explained in a short sentence of its own on more pages ("Promoters are DNA stretches that switch genes on.", bmc s12896-019-0568-9); a definition's not_before keeps it off a use in another sense ("antiangiogenic steroids", CD005022); a term before "including" is a noun, explained first (bmc s12885-019-6313-x)
# 24: templates prompts/composer.v19.yaml (v18 frozen as composer 23 left it); round 24 changes below
# 24 (lead, read of seed 277 at composer 23): no GRADE level read across a that-clause and "a low level of certainty" is one ("a low level of certainty that ... a high-concentration fluoride toothpaste" said "ranged from low to high", CD003809); a review of trials is no basic research (CD003052); the abstract's own call for research said, no "More Research Needed" after it; a review's conclusions never open on "However ...": the claim it turns against opens them (CD001276); a what-if check ("... even if all the known missing data had no effect") is not the answer (CD009281); a result whose next sentence says what it rests on ("However, this was based on one trial ...") and "X was higher." with nothing compared are no simple-explanation result or key finding (CD004635); "The exception was ..." is no summary sentence (CD004241); a key finding never opens on "Thus,"/"Therefore," (CD012085)
# 24 (kf, h24kf): a research-summary sentence that opens on its purpose is said as the aim, then what was done ("To explain the physiological functions of ADAM22, the researchers employed ..." -> "The aim was to explain the physiological functions of ADAM22. The researchers employed ...", bmc 1471-2202-6-33; "The aim is to ..." in the present, eLife.06559; fields.Writer._aim_first, templates summary.aim_first*); a participle after "thereby"/"thus" is its own "This ..." sentence with the clause's tense (shorten.split_participle_tail: "..., thereby promoting survival of leukemic cells" -> "This promotes ...", eLife.06234), never after a negation, hedge or modal
# 24 (speed, h24speed): no draft change; the 38 costliest searches of plan, fields, shorten, simplify and NOT_TREATMENT, hedges.HEDGE and any_of's compiled gated (pipeline.text.patterns.gated: a lookahead of the letters a match can begin with, so re skips 3+ alternatives at once under IGNORECASE: plan._MORE_RESEARCH, _GAP, _CLAIM_CUE)
# 24 (se, h24se): a simple-explanation sentence no other split shortens, whose opening subject is a long noun phrase (5+ words, a plain common-noun head; never a passive, an indefinite, a count, share, frame or abstract head, a comparison, hedge, negation or comma, a capital that may be a name, nor a subject the field already says), is said once a page as "The researchers looked at <subject>." and the claim of "This/These <head noun>" ("... NTHi oral vaccination of people with ... This vaccination does not yield ...", CD010010.pub3; shorten.split_long_subject, simple explanation only); "Genes are DNA stretches that tell cells what to make." (grade 4.4, was 7.2; bmc 1471-2180-7-96)
# 24 (bmc, h24bmc): an aim another field says already leaves what was done alone in the summary (bmc 1471-2156-6-32); "individuals" or "subjects" alone beside a named animal are the animals (a study in cattle, not "people": bmc s40104-015-0059-3); "in vivo ... in the human" names no animal study (EXTRACTOR_VERSION 14, elife 08687); swaps: "approximately" and "maintained" before a participle or after an article, "examined" after one, "genotype" before a kept word stay (elife 08687, bmc s13071-019-3813-0); an everyday kept term (genes, sequencing, signaling, stem cells) yields the one definition sentence to a rarer one (elife 04970); a method cut leaves the "and" the parse hung on it (bmc s12934-019-1167-0); a tool's spelled-out name ("Joint Overlap Analysis (JOA)") names no category (bmc s12859-019-2698-4)
# 24 (coch, h24coch): a review's people said as the abstract gives them where it states no whole ("1470 adults and 470 children", "more than 140,000 women": CD006100, CD008587, CD007078), one study that "fulfilled" the criteria and "unique studies" size a review (CD010891, CD009467); "Few studies available" not from the few that reported something in a larger review, "Low-quality evidence" not beside "Overall, the quality of the evidence was high" (CD007874); a finding never opens on "Similarly,"/"Likewise," (CD002912, CD012254); people "at increased risk of" X are no outcome measured (CD006780); "we need ... trials" is a call for research (CD013106); "fracture" keeps its word after the bone or thing that broke ("radial head fractures", CD009949)
# 24 (lead, after the merge): a subject whose head is a measure or mass ("The body of evidence", "The length of follow-up", "The reduction of ...") is never said apart as "The researchers looked at X. This body ..." (CD008366, CD007284, CD003480)
# 25: templates prompts/composer.v20.yaml (v19 frozen as composer 24 left it); round 25 changes below
# 25 (kf, h25kf): a key finding whose frame says whose result ("Thirteen trials ... showed", "One study reported") keeps the frame and gets every other plain rule on its claim ("showed a statistically significant reduction in overall deaths" -> "showed fewer overall deaths", cochrane CD003703.pub3; "no significant difference" -> "no clear difference"); an effect noun before a measure or count is its direction ("a reduction in readmission rates" -> "lower readmission rates", CD003573.pub2; "fewer ... flare-ups", CD006316.pub3)
# 25 (lead, read of seed 283 at composer 24): a sentence ending on a one-letter name ("... chronic hepatitis C. Higher doses ...") is split from the next, so the answer can be said (CD000370); a result whose basis has no comma before "there was" ("Based on limited data there was some ... evidence that ...") is no side statement (CD008674); advice on what clinicians "may wish to consider" and a cause whose main clause points back at it ("Since ..., this may have contributed ...") are no answer (CD008674, CD004376); how many comparisons the studies made, who took part and how they were chosen, how the studies differed, blinding not possible, data not pooled, a lack of standardisation, the control group's level and advice to practitioners are no key findings (CD012236, CD003162, CD004990, CD012197, CD009774, CD011112, CD004376); "This finding/result ..." keeps its pointer (CD012197); ", n = 145, 3 studies, low quality of evidence" after a ratio goes with it (CD012197); trials' "their low quality" is no GRADE level (CD011112); "four trials ..., of which three are ongoing" is a review of one (CD011756); a statistic's bare values after a lead-in or in a list ("The risk ratio for RFS was 1.04 and 0.96 at 3- and 5- years.") are no result, in the simple explanation too (CD007563, CD007284, CD000940); what the authors "will" do, people's age, "considerable research effort" are no key findings and a numbered genotype keeps its word (CD008674, CD009182, CD012236)
# 25 (speed, h25speed): no draft change; GRADE levels (plan._CERTAINTY, "high" was the costliest search) and sentence role cues (sentences._CUES) compiled gated; an abstract's abbreviations read once (rw.find_abbreviations, article_abbreviations); drug stems by str.endswith (swaps.protected_spans); gated gates nothing where re's private parser is missing or reads otherwise
# 25 (bmc, h25bmc): an animal named only where a prediction "could be tested" sets no animal study, "grid-cell" words no lab (elife 05979, a theory: "This study in monkeys"); a method cut keeps a negated or "alone" method and a bare relative clause's ("could not be found", bmc s40697-015-0090-5; "that were made", s12918-018-0635-1) and takes a method list the parse split (s40104-015-0059-3); "Leber's" keeps its capital written out; "individuals" and "subjects" beside only plants are kept (elife 04490, 01567); "JOA: Joint Overlap Analysis of ..." said once (s12859-019-2698-4); newborn neurons and lab imaging name no Pediatrics or Medical Imaging (EXTRACTOR_VERSION 15: elife 00362, 04889)
# 25 (coch, h25coch): no certainty from "high-quality evidence on X is lacking" (CD009892); in vitro fertilisation/maturation is no lab caveat (CD006606); "with additional X" not swapped to "more X" (CD004001); "regardless of" not cut where the parse hangs its clause elsewhere (CD003067); advice ("could consider", "may be required") and a harm weighed "against the possible harm" hedge no claim (CD008896, CD004001); a review's "has the potential to" scores below its findings, "beneficial" and "affects" are effects (CD002013, CD010666); two claims each "but ... based only on one small trial" are a parallel pair (CD003546); "Vitamin A" is no glued heading (CD010666); "(total n = 138 ," and an update with no new studies size a review (CD003546, CD009281); a raised risk is the further result (CD007748); the steroids definition not on a pregnancy page (glossary define_not_within, CD007873); "any other intervention is ..." is a side claim (mine CD012744); "effects ... do not support" is a null answer (CD004215)
# 25 (se1, h25se): glossary definitions of protein(s), receptor, chromosome and yeast, the terms BMC and eLife simple explanations keep most often with none on the page; a `count: true` entry is said with its article whatever the page puts before it ("A protein is a molecule that carries out tasks in cells." after "The GTP-binding protein", elife 00160), a mass noun stays bare ("Insulin is ..."); "dietary protein" and the like are not explained
# 25 (se2, h25se): the simple explanation explains up to two kept terms in sentences of their own (params.explain_sentences; one until now), each after the sentence that first uses it, never a word of a definition written just before, as a sentence or a bracket ("Receptors are proteins ... Proteins are ...", elife 00745, 00508): "Quantitative trait locus is a DNA region that affects a trait." beside the chromosome sentence (bmc 1471-2156-6-32), "Mutation is a change in the DNA." for the bracket (elife 01566)
# 25 (se3, h25se): a definition sentence honours its entry's not_after as it does not_before: receptor(s) are not explained in a drug class's name ("angiotensin receptor blockers", "leukotriene receptor antagonists", cochrane CD003822, CD006100)
# 26: templates prompts/composer.v21.yaml (v20 frozen as composer 25 left it); round 26 changes below
# 26 (lead, read of seed 294 at composer 25): a review says who its people are ("six studies in 126 people with septic, cardiogenic, hemorrhagic, or spinal shock", CD004443; plan._people_kind); short forms ICU, IOL, AMI, EOC, AVF, TTH, CD written out (abbreviations.yaml); key findings that state no result (who took part or which arm, sparse data, a search's titles, a pilot for the larger trial, another review: plan._NO_RESULT_26); one study's comparison is not the review's (CD005543); a conclusion leaving the worth to patients open is said (certainty.doubt_value); what later research "may identify" hedges no claim (CD004588)
# 26 (kf, h26kf): a chosen key finding whose two verbs share a subject is said as two sentences ("X did A. It did B."), only where the second verb is unambiguous; a dropped "We show that A, and that B" frame leaves "A. B."
# 26 (se, h26se): a review's long answer ending on the people it is about says them apart ("This was in patients with prosthetic heart valves.", shorten.split_people_tail); the very-low certainty template ends "so this is far from certain"; transcription and signaling defined in shorter words
# 26 (bmc, h26bmc): "The researchers determine ..." (a plural present) is a sentence, so eLife research summaries say what was done and one result, not the background alone; no summary opens on "They", "Conversely," or "Moreover,"; "gen. et sp. nov." splits no sentence
# 26 (coch, h26coch): no GRADE level from "downgraded from high"; people from an outcome every study reported ("at least 1041 people"); appraisals are no key findings; "offers" may be a verb (CD004050's answer); NNTB is the number needed to treat
# 26 (speed, h26speed): no draft change; explain_first_use skips texts without the term's words, strip_statistics texts without a digit
# 27: templates prompts/composer.v22.yaml (v21 frozen as composer 26 left it); round 27 changes below
# 27 (lead, read of seed 315 at composer 26): a review that counts no people says what its studies were of ("The review found 17 studies of street lighting.", plan._studies_about); "it is reasonable to consider X" is a verdict and a cause said first without its comma is said after it (CD006285); "Certainty about X is very low" states its level; a subgroup's larger effect is a side outcome and "preserve" an effect word (CD001983); selective reporting and publication bias are no result; "At this dosage and duration of ..." names no outcome; a place-led practice sentence ("Where resources are limited, iron can be given ...") is an implication for care; the elderly are older people; GDL, PMS, ILM, MTC, DCD and movement side effects, low blood oxygen, muscle disease written out
# 27 (se, h27se): a long answer's comparison ("This was compared with Z.") and means ("It does this by ...") said in a second short sentence; "There is low-quality evidence that X" said "X may ..." where the page says its certainty
# 27 (kf, h27kf): a review's key-findings last resort states a result (pipeline/text/results.reports_result) or gives none; strip_statistics keeps a decimal's minus
# 27 (coch, h27coch): a group result names its comparator from the review's "A versus B" (CD007854, CD009294); "comprising of" is "including"; "nearly 450" kept; 27 reviewed short forms with cues
# 27 (bmc, h27bmc): the animal named in the title is the one studied (squid, octopus, songbirds), software work is computer work, a method's name keeps its words ("selected reaction monitoring"), "Here we report X: detail" says X; "Mind the gaps: subtitle" topics
# 27 (speed, h27speed): no draft change; parses gated on the words and finite verbs the rules need, one batched spaCy call per round
# 28: templates prompts/composer.v23.yaml (v22 frozen as composer 27 left it); round 28 changes below
# 28 (lead, read of seed 388): a review sized "Of the nine studies (1075 participants): ..." is that size (CD006477); a result conceded before its caution is said with it; a claim before "but further data are required" is the answer (CD001991); a people tail keeps what the effects were on; adverse effects on X, N comprised, other comorbidity keep their words; CA, AF, IPC, DMT, PS, ED written out; findings compared with short forms for long forms; a call for trials titled as a next step; conditions and side effects explained (myelofibrosis, thrombocytopenia, nephrotic syndrome, ...)
# 28 (coch, h28coch): a review's answer that is its verdict says what it means for care (two implication templates), unrecognised conclusion sentences used as the implication; "between the groups" names the two sides; a null half of a concession said plainly first
# 28 (kf, h28kf): a review's key findings take results reports_result knows first; split_shared_subject keeps each verb's own subject
# 28 (se, h28se): the simple explanation says a results frame's hedge on the claim ("The data suggest that X is Y" -> "X may be Y")
# 28 (bmc, h28bmc): enhance is increase; claim titles asked; computer work on cell-line data has no lab caveat; a Results sentence's "could serve" is a finding; "help us understand" is everyone's
# 28 (speed, h28speed): no draft change; compression asks the tagger before the parse; one people-noun list
COMPOSER_VERSION = "28"

__all__ = ["COMPOSER_VERSION", "ComposerBackend", "compose"]


def compose(
    article: Article,
    facts: Facts | None,
    docs: list[Doc],
    templates: ComposerTemplates,
    glossary: rw.Glossary,
    spacy_model: str | None = None,
) -> tuple[DraftFields, list[str], list[WordSwap]]:
    """Every draft field of one article, the warnings, and the word swaps made."""
    sentences = build_sentences([s.label for s in article.sections], docs)
    if not sentences:
        raise DraftError(
            f"Article {article.source_id} has no abstract sentences to draft from.",
            hint="Check that the source gave an abstract; articles without one cannot be drafted.",
        )
    plan = build_plan(article, facts, sentences, centrality(sentences, article.title))
    # in an animal study "individuals" are the animals, not "people" (elife_dev eLife.01569, flies);
    # so are a plant study's (elife_dev eLife.04490, 25 h25bmc)
    others = plan.setting == "animal" or plan.others_individuals
    keep = templates.keep_words | (ANIMAL_KEEP_WORDS if others else frozenset())
    if (
        plan.diagnostic
    ):  # "sensitivity and specificity" is no "accuracy" where the answer gives each one's value
        keep |= DIAGNOSTIC_KEEP_WORDS
    if NOT_TREATMENT.search(f"{article.title} {article.abstract_plain}"):
        keep |= PROGRAMME_KEEP_WORDS

    abbreviations = rw.article_abbreviations(article.abstract_plain)
    # a short form the abstract's own words (or the title's) spell is written out once, at its
    # first use in each lay field (rw.spell_out_first_uses), not at every use as the realiser does:
    # "neuron-restrictive silencer factor" four times in two findings (elife_dev eLife.01267)
    first_uses = rw.first_use_abbreviations(article.abstract_plain, article.title)
    # a name the page's short forms stand for is said as written, no swap inside it ("genome-wide
    # association studies", "odds ratio", "chronic obstructive pulmonary disease")
    keep |= fixed_names(abbreviations.values(), lexicon_for(glossary))
    defined = rw.find_abbreviations(article.abstract_plain)
    # the reviewed short forms written out go in the provenance like swaps (the fields keep those
    # they carry: swaps_in_fields)
    realiser = Realiser(
        abbreviations,
        glossary,
        keep,
        rw.expansion_swaps(article.abstract_plain, abbreviations, defined),
        spacy_model,
        defined=defined,
    )
    writer = Writer(plan, templates, realiser)
    simple = writer.simple_explanation()
    # implications before key findings: a sentence that says what the work means ("could help",
    # "potential target") is an implication, not a result
    implications = writer.practical_implications()
    findings = writer.key_findings()
    summary = writer.research_summary()
    # a term the page keeps, or the plain word a swap wrote for one, is explained once, at its
    # first use in the simple explanation or else the key findings ("placebo (a dummy treatment)")
    # ... in the simple explanation as a sentence of its own ("Placebo is a dummy treatment.")
    explained, definitions = explain_first_use(
        [simple, *findings],
        realiser.swaps,
        lexicon_for(glossary),
        sentence=lambda term, define, article: explanation(templates, term, define, article),
        sentences=templates.params.get("explain_sentences", 1),
    )
    simple, findings = explained[0], explained[1:]
    realiser.swaps.extend(definitions)
    # a strain cut at its slash by the abstract itself ("C57BL/and A/J", bmc 1471-2326-6-6); the
    # abstract's sure slips: glued words ("studiesused"), "and and", "no enough" (pipeline.text.typos)
    mended: list[str] = []

    def mend(text: str) -> str:
        text, notes = rw.mend_cut_names(text, article.abstract_plain)
        text, slips = mend_slips(text, article.abstract_plain)
        mended.extend(notes + slips)
        return text

    simple, findings, summary = mend(simple), [mend(f) for f in findings], mend(summary)
    # a short form a field kept (its sentence was too long with the long form) is written out at
    # its first use in that field, after the field chose its sentences (rw.spell_out_first_uses)
    # (not one the glossary says as its plain wording: "computed tomography" is "CT scan")
    said_short = _said_short(first_uses, lexicon_for(glossary))
    simple, summary = (
        _spelled([text], first_uses, said_short, realiser.swaps)[0] for text in (simple, summary)
    )
    findings = _spelled(findings, first_uses, said_short, realiser.swaps)
    texts = _spelled([p.text for p in implications], first_uses, said_short, realiser.swaps)
    implications = [PracticalPoint(p.title, t) for p, t in zip(implications, texts, strict=True)]
    # a narrative review has no participants of its own (the people of the studies it discusses)
    participants = NOT_SPECIFIED if plan.setting == "narrative" else plan.fact("participants")
    # the review's people with its size: a whole count ("221 people"), else two groups or a bound as
    # the abstract says them ("more than 140,000 women", plan._people_as_said)
    # (who they are written with the page's short forms spelled out, as the simple explanation says
    # them: "3094 people with tension-type headache", not "with TTH")
    who = (
        rw.expand_abbreviations(plan.people_who, {**first_uses, **realiser.abbreviations}, capitalize=False)
        if plan.people_who
        else None
    )
    people = f"{plan.people} {who or 'people'}" if plan.people else plan.people_as_said
    if plan.is_review and people and plan.studies is not None:
        participants = f"{people} in {plan.studies.text.lower()} " + (
            "study" if plan.one_study else "studies"
        )
    elif plan.is_review and people:
        participants = people  # a total said without the number of studies
    elif plan.is_review:
        # a review's people are its total, said with its size (plan._study_count); the participants
        # fact of a review that states no total is one study's or one result's sample ("results from
        # 1 study (23 participants)", CD006266): a sum is a number the abstract does not state
        participants = NOT_SPECIFIED
    fields = DraftFields(
        simple_explanation=simple,
        key_findings=findings,
        research_summary=summary,
        practical_implications=implications,
        limitations=writer.limitations(),
        study_duration=plan.fact("study_period"),
        participants=participants,
        evidence_level=_evidence_level(plan, article),
        categories=list(facts.categories) if facts is not None else [],
    )
    source = f"{article.title}\n{article.abstract_plain}"
    for name, text in fields.field_texts().items():
        bad = rw.unsupported_numbers(text, source)
        if bad:  # defensive: every writer copies numbers, so this means a bug, not bad input
            raise DraftError(
                f"Draft field {name} of {article.source_id} has numbers not in the abstract: {bad}."
            )
    warnings = []
    if not simple:
        warnings.append("empty simple explanation: the abstract has no usable sentences")
    if len(findings) < templates.params["findings"]:
        warnings.append(f"only {len(findings)} key findings")
    if facts is not None and facts.out_of_scope_reason:
        warnings.append(f"out of scope: {facts.out_of_scope_reason}")
    warnings.extend(f"source typo mended: {note}" for note in dict.fromkeys(mended))
    return fields, warnings, realiser.swaps


def _spelled(
    texts: list[str], abbreviations: Mapping[str, str], said_short: frozenset[str], swaps: list[WordSwap]
) -> list[str]:
    """One field's texts with its short forms written out at their first use (the swaps recorded)."""
    out, made = rw.spell_out_first_uses(texts, abbreviations, said_short)
    swaps.extend(made)
    return out


def _said_short(abbreviations: Mapping[str, str], lexicon: Lexicon) -> frozenset[str]:
    """The page's short forms whose long form (or themselves) the glossary says with the short form
    ("computed tomography" and "CT" are "CT scan", bmc 29374459; "body mass index" is "BMI")."""
    out = set()
    rules = {r.term: r for r in lexicon.rules}
    for short, long_form in abbreviations.items():
        for term in (long_form.lower(), short.lower()):
            rule = rules.get(term)
            if rule is not None and re.search(rf"(?<![\w-]){re.escape(short)}(?![\w-])", rule.plain):
                out.add(short)
    return frozenset(out)


# Words a swap would make about people ("individuals" -> "people"), kept as written in animal and plant
# studies; "subjects" too (25, h25bmc: "model organisms preferred people of investigation", elife 01567)
ANIMAL_KEEP_WORDS = frozenset({"individual", "individuals", "subject", "subjects"})
# A diagnostic review's accuracy terms, kept as written (their plain words follow the answer:
# fields.Writer._accuracy_terms); "accurate" is not "correct" ("more accurate than clinical diagnosis").
DIAGNOSTIC_KEEP_WORDS = frozenset({"sensitivity", "specificity", "accurate", "accuracy"})
# "intervention" is a treatment only where what was tried treats: where the abstract tries
# education, training, a programme, a policy, a service, screening or a place's infrastructure, its
# "intervention group" is no "treatment group" nor its "intervention site" a "treatment site"
# (round 23, cochrane mine CD005215 educational interventions, CD010415 cycling infrastructure,
# CD008741 integrated services, CD006425 breastfeeding education; eval CD009467 school start times).
# Broad on purpose: a word kept costs a little grade, a wrong "treatment" misleads; not "policy-makers",
# whom many a drug review's conclusions address (mine CD010784).
PROGRAMME_KEEP_WORDS = frozenset({"intervention", "interventions"})
NOT_TREATMENT = compile_gated(
    r"\b(?:educat\w*|training|teaching|skills|programmes?|programs?|schools?|polic(?:y|ies)(?![- ]?makers?)|communit(?:y|ies)|"
    r"infrastructure|screening (?:for|programmes?|programs?|tests?|uptake|rates?)|classes|booklets?|leaflets?|"
    r"campaigns?|mass media|reminders?|incentives?|counsel+ing|workplaces?|legislation|health literacy|"
    r"quality improvement|audit|motivational interviewing|health (?:care )?services|organi[sz]ational|"
    r"financial|peer support|self-management|behaviou?ral|lifestyle|exercise|physical activity|psychosocial|"
    r"diet(?:ary)?|text messag\w*|telephone|cycling|nurse-led|case management|care pathways?|"
    r"support groups?|start times?)\b",
    re.I,
)


@BACKENDS.register("composer")
class ComposerBackend:
    """Composer: plans each lay field from the abstract and its facts, then writes it plainly."""

    name = "composer"

    def __init__(self, settings: Settings, prompt: str | None = None, **options: Any) -> None:
        self.settings = settings
        self.templates = load_templates(settings.prompts_dir, prompt)
        known = set(self.templates.params)
        unknown = set(options) - known
        if unknown:
            raise ConfigError(
                f"Unknown composer option(s): {', '.join(sorted(unknown))}.",
                hint=f"Known options: prompt, {', '.join(sorted(known))}.",
            )
        if options:
            body = {**self.templates.body, "params": {**self.templates.params, **options}}
            self.templates = ComposerTemplates(
                self.templates.id, self.templates.version, self.templates.path, body, self.templates.hash
            )
        self.options = dict(options)
        self.glossary = rw.load_glossary()

    @property
    def provenance(self) -> Provenance:
        return Provenance(
            backend="composer",
            model_id=None,
            model_revision=COMPOSER_VERSION,
            prompt_id=self.templates.id,
            prompt_version=str(self.templates.version),
            params={
                "prompt_hash": self.templates.hash,
                **self.options,
                "spacy_model": self.settings.spacy_model,
                "word_lists": word_lists_hash(self.glossary),
            },
        )

    @property
    def nlp(self) -> Language:
        return get_segmenter(self.settings.spacy_model, "rule")

    def draft_batch(self, items: list[tuple[Article, Facts]]) -> list[DraftResult | Exception]:
        """Draft every item; one item's failure is returned as its exception."""
        return draft_over_section_docs(self.nlp, items, self._draft_one, run=run_batched)

    def _draft_one(self, article: Article, facts: Facts, docs: list[Doc]) -> DraftResult | Exception:
        start = job_seconds()
        try:
            fields, warnings, swaps = compose(
                article, facts, docs, self.templates, self.glossary, self.settings.spacy_model
            )
        except Exception as exc:  # noqa: BLE001 - returned to the caller per item
            return exc
        return DraftResult(
            fields,
            warnings,
            (job_seconds() - start) * 1000,
            swaps=swaps_in_fields(swaps, fields.to_dict()),
        )


def _evidence_level(plan: Plan, article: Article) -> str:
    """The evidence level fact, or a review's level where the plan reads a review of several studies
    that the design fact took for one of its trials: "Twenty-five studies of good quality were
    identified, 11 trials evaluated sitagliptin ..." (cochrane CD006739.pub2, mine half) was "Level 2
    (randomised controlled trial)". 22 (h22coch)."""
    level = plan.fact("evidence_level")
    if not plan.is_review or plan.no_studies:
        return level
    if level == NOT_SPECIFIED and not plan.design:
        # a review the design fact found no words for: "Seventy-nine RCTs ... in the review", "Eight
        # trials ... met the entry criteria", "Four reports met the inclusion criteria" (cochrane
        # CD006525.pub2, CD006100.pub2, CD002760, mine half; CD009665, eval half) had no level. 23 (h23coch).
        return evidence_label(d.SR, article.abstract_plain)
    if plan.design == d.RCT and level != NOT_SPECIFIED and not plan.one_study:
        # (only a trial's: a review the design fact read as a cohort or case-control study may have
        # pooled such studies, "three randomised trials, two non-randomised trials, 14 cohort studies and
        # four case-control studies", CD005240.pub2, where "of trials" would claim too much)
        return evidence_label(d.SR, article.abstract_plain)
    return level
