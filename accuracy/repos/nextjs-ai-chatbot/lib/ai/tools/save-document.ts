import { tool } from 'ai';
import { z } from 'zod';
import { saveDocument } from '@/lib/db/queries';

export const createDocument = ({ userId }: { userId: string }) =>
  tool({
    description: 'Create a document for writing activities. Title is used as the document name.',
    inputSchema: z.object({ title: z.string().max(200), content: z.string() }).strict(),
    execute: async ({ title, content }) => {
      const id = crypto.randomUUID();
      await saveDocument({ id, title, content, userId });
      return { id, title, message: 'The document was created and is now visible to the user.' };
    },
  });
