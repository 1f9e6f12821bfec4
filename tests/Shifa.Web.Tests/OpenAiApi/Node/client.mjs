// Calls a Shifa server with the official `openai` npm package, non-streaming then streaming,
// and prints one JSON line with what came back.
import OpenAI from 'openai';

const [baseURL, apiKey, question] = process.argv.slice(2);
const client = new OpenAI({ baseURL, apiKey, maxRetries: 0 });
const whole = await client.chat.completions.create({ model: 'shifa', messages: [{ role: 'user', content: question }] });
const stream = await client.chat.completions.create({ model: 'shifa', stream: true, messages: [{ role: 'user', content: question }] });
let streamed = '';
let chunks = 0;
let finish = null;
for await (const chunk of stream) {
  chunks++;
  streamed += chunk.choices[0]?.delta?.content ?? '';
  finish = chunk.choices[0]?.finish_reason ?? finish;
}
const models = await client.models.list();
console.log(JSON.stringify({ whole: whole.choices[0].message.content, finish: whole.choices[0].finish_reason, streamed, chunks, streamFinish: finish, models: models.data.map(m => m.id) }));
