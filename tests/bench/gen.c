/*
 * gen DIR NOTES DOSSIERS [DICT] - a deterministic caseload for the
 * benchmarks, in carnet's import layout: DIR/<dossier>/<date>.txt.
 * Notes of 50 to 400 words over ten years: French function words, the
 * trade's vocabulary (CAF, RSA, bailleur, échéancier, curatelle, PMI...)
 * and words of the wfrench list, drawn with a Zipf-like law from a fixed
 * seed, so every run writes the same bytes.  One dossier holds 5,000
 * notes (the "big dossier"; a tenth of the notes below 20,000); the
 * others share the rest.
 */
#include <sys/stat.h>

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *const common[] = {
	"le", "la", "les", "de", "du", "des", "et", "à", "en", "avec", "pour",
	"sur", "dans", "par", "au", "aux", "un", "une", "est", "a", "sont",
	"ont", "il", "elle", "ils", "elles", "son", "sa", "ses", "leur", "qui",
	"que", "ne", "pas", "plus", "ce", "cette", "nous", "vous", "Madame",
	"Monsieur", "enfant", "mère", "père", "famille", "rendez-vous",
	"entretien", "appel", "visite", "semaine", "mois", "demande", "aide",
	"dossier", "situation", "logement", "école", "santé", "travail",
	"suivi", "prochain", "point", "accord", "difficultés", "besoin",
};
static const char *const trade[] = {
	"CAF", "RSA", "bailleur", "échéancier", "curatelle", "tutelle", "PMI",
	"CMP", "éducatrice", "éducateur", "assistante", "sociale", "juge",
	"audience", "placement", "AEMO", "ASE", "MDPH", "AAH", "APL", "loyer",
	"impayés", "expulsion", "surendettement", "Banque", "France",
	"psychiatre", "psychologue", "infirmière", "hospitalisation", "CPAM",
	"mutuelle", "complémentaire", "Pôle", "emploi", "formation", "stage",
	"scolarité", "collège", "lycée", "crèche", "assistante", "maternelle",
	"violences", "signalement", "information", "préoccupante", "mesure",
	"accompagnement", "budget", "dettes", "aide-ménagère", "domicile",
	"médecin", "traitement", "ordonnance", "transport", "permis", "titre",
	"séjour", "préfecture", "interprète", "urgence", "hébergement", "SIAO",
	"CHRS", "FSL", "MDS", "CCAS", "bon", "alimentaire", "colis",
};

static unsigned long long state = 0x2545F4914F6CDD1DULL;

static unsigned long long
next(void)
{
	/* xorshift64*: the same sequence on every machine. */
	state ^= state >> 12;
	state ^= state << 25;
	state ^= state >> 27;
	return state * 0x2545F4914F6CDD1DULL;
}

static double
uniform(void)
{
	return (double)(next() >> 11) / 9007199254740992.0;
}

static char **words;
static size_t nwords;

static void
vocabulary(const char *dict)
{
	size_t i, cap = 6000, n = 0;
	char line[256], **all = NULL;
	size_t nall = 0, allcap = 0;
	FILE *fp;

	words = calloc(cap + 200, sizeof(*words));
	for (i = 0; i < sizeof(common) / sizeof(common[0]); i++)
		words[n++] = (char *)common[i];
	for (i = 0; i < sizeof(trade) / sizeof(trade[0]); i++)
		words[n++] = (char *)trade[i];
	if (dict != NULL && (fp = fopen(dict, "r")) != NULL) {
		while (fgets(line, sizeof(line), fp) != NULL) {
			line[strcspn(line, "\n")] = '\0';
			if (line[0] == '\0')
				continue;
			if (nall == allcap)
				all = realloc(all, (allcap = allcap ? allcap *
				    2 : 65536) * sizeof(*all));
			all[nall++] = strdup(line);
		}
		fclose(fp);
		for (i = 0; i < cap && nall > 0; i++)
			words[n++] = all[next() % nall];
	}
	nwords = n;
}

/* Rank r with probability ~ 1 / (r + 1). */
static const char *
word(void)
{
	double u = uniform();
	size_t r = (size_t)(exp(u * log((double)nwords + 1.0)) - 1.0);

	return words[r < nwords ? r : nwords - 1];
}

int
main(int argc, char *argv[])
{
	long notes, dossiers, i, d, k, len, big;
	time_t start = 1420070400;	/* 2015-01-01 */
	char path[4096], stamp[32];
	struct tm tm;
	FILE *fp;

	if (argc < 4) {
		fputs("usage: gen DIR NOTES DOSSIERS [DICT]\n", stderr);
		return 2;
	}
	notes = atol(argv[2]);
	dossiers = atol(argv[3]);
	vocabulary(argc > 4 ? argv[4] : "/usr/share/dict/french");
	if (mkdir(argv[1], 0700) == -1 && errno != EEXIST)
		return 1;
	/* At least 1,000: the print benchmark sets 1,000 notes of it at
	 * every size. */
	big = notes > 20000 ? 5000 : notes / 10;
	for (d = 0; d < dossiers; d++) {
		snprintf(path, sizeof(path), "%s/Personne %04ld %s", argv[1], d,
		    trade[d % (sizeof(trade) / sizeof(trade[0]))]);
		mkdir(path, 0700);
	}
	for (i = 0; i < notes; i++) {
		/* The big dossier first, then round the others. */
		d = i < big ? 0 : 1 + (long)(next() % (unsigned long long)
		    (dossiers - 1));
		time_t when = start + (time_t)((double)i / (double)notes *
		    10 * 365.25 * 86400) + (time_t)(next() % 3600);
		gmtime_r(&when, &tm);
		strftime(stamp, sizeof(stamp), "%Y-%m-%dT%H%M%S", &tm);
		snprintf(path, sizeof(path), "%s/Personne %04ld %s/%s %ld.txt",
		    argv[1], d, trade[d % (sizeof(trade) / sizeof(trade[0]))],
		    stamp, i);
		if ((fp = fopen(path, "w")) == NULL)
			return 1;
		len = 50 + (long)(next() % 351);
		for (k = 0; k < len; k++) {
			fputs(word(), fp);
			fputc(k + 1 == len ? '.' : (next() % 14 == 0 ? '\n' :
			    ' '), fp);
		}
		fputc('\n', fp);
		fclose(fp);
	}
	return 0;
}
