import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './http';

/** Shapes of the CSAT API (src/modules/tickets/csat.routes.ts). */

/** What a one-click survey link shows: the ticket, and the answer so far (null until rated). */
export type Survey = { reference: string; subject: string; rating: number | null; comment: string | null };

export type RatingInput = { rating: number; comment: string | null };

export type SurveyAnswer = { ticketId: string; rating: number; comment: string | null; answeredAt: string };

export type CsatFigures = {
  responses: number;
  /** Mean rating, 1–5; null without responses. */
  average: number | null;
  /** Share of ratings of 4 or 5, 0–1; null without responses. */
  satisfied: number | null;
};

export type CsatResults = {
  from: string;
  to: string;
  /** Surveys opened (mailed) in the period. */
  sent: number;
  overall: CsatFigures;
  byClient: (CsatFigures & { clientId: string })[];
  byTechnician: (CsatFigures & { technicianId: string | null })[];
};

const surveyPath = (token: string) => `/api/v1/csat/${encodeURIComponent(token)}`;
export const csatKeys = {
  survey: (token: string) => ['csat', 'survey', token] as const,
  results: (from: string, to: string) => ['csat', 'results', from, to] as const,
  /** What this portal user rated in this session: the tickets API does not say. */
  rated: (ticketId: string) => ['csat', 'rated', ticketId] as const,
};

/** The survey behind a one-click link; no session needed. */
export const useSurvey = (token: string) =>
  useQuery({
    queryKey: csatKeys.survey(token),
    queryFn: () => api.get<Survey>(surveyPath(token)),
    staleTime: Number.POSITIVE_INFINITY,
  });

/** Rate (or re-rate) through a one-click link; the answer becomes the survey on screen. */
export function useAnswerSurvey(token: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: RatingInput) => api.post<SurveyAnswer>(surveyPath(token), input),
    onSuccess: (answer) =>
      qc.setQueryData<Survey>(csatKeys.survey(token), (s) =>
        s ? { ...s, rating: answer.rating, comment: answer.comment } : s,
      ),
  });
}

/** A portal user rates one of their client's resolved tickets. */
export function useRateTicket(ticketId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: RatingInput) =>
      api.post<SurveyAnswer>(`/api/v1/tickets/${encodeURIComponent(ticketId)}/csat`, input),
    onSuccess: (answer) => qc.setQueryData(csatKeys.rated(ticketId), answer),
  });
}

/** The answer this session gave for a ticket, if any (kept in the cache, never fetched). */
export const useRatedInSession = (ticketId: string) =>
  useQuery({
    queryKey: csatKeys.rated(ticketId),
    queryFn: () => null as SurveyAnswer | null,
    enabled: false,
    initialData: null as SurveyAnswer | null,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
  });

/** Satisfaction over a period: `from` inclusive, `to` exclusive (both YYYY-MM-DD, UTC days). */
export const useCsatResults = (from: string, to: string) =>
  useQuery({
    queryKey: csatKeys.results(from, to),
    queryFn: () => api.get<CsatResults>('/api/v1/csat/results', { from, to }),
    enabled: from !== '' && to !== '' && from < to,
  });
