import { put } from '@vercel/blob';
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { auth } from '@/app/(auth)/auth';

const FileSchema = z.object({
  file: z
    .instanceof(Blob)
    .refine((file) => file.size <= 5 * 1024 * 1024, { message: 'File size should be less than 5MB' })
    .refine((file) => ['image/jpeg', 'image/png'].includes(file.type), { message: 'File type should be JPEG or PNG' }),
});

export async function POST(request: Request) {
  const session = await auth();
  if (!session) return NextResponse.json({ error: 'Unauthorized' }, { status: 401 });
  const formData = await request.formData();
  const file = formData.get('file') as Blob;
  const validated = FileSchema.safeParse({ file });
  if (!validated.success) {
    return NextResponse.json({ error: validated.error.errors.map((e) => e.message).join(', ') }, { status: 400 });
  }
  const filename = (formData.get('file') as File).name;
  const data = await put(`${filename}`, await file.arrayBuffer(), { access: 'public' });
  return NextResponse.json(data);
}
